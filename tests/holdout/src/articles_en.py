# English held-out articles.  Same tuple format as articles_ko.py.

DOW, SPX, NAS = "Dow Jones Industrial Average", "S&P 500", "Nasdaq Composite"
FTSE, DAX, CAC, STOXX, RUT, SOX, VIX = ("FTSE 100", "DAX", "CAC 40", "STOXX Europe 600", "Russell 2000",
                                        "PHLX Semiconductor Index", "CBOE Volatility Index")

ARTICLES = []

# ---------------------------------------------------------------------------------------------
ARTICLES.append(dict(
    name="en_20081013_dow_record_rally_ap", lang="en", date="2008-10-13",
    published="2008-10-13T17:02:00-04:00",
    event="Dow +936.42 (+11.08%) on 2008-10-13 after bank rescues, AP style (no 'points', 'percent')",
    text="""
Dow soars 936 points in biggest gain ever as governments move to shore up banks
By Staff Writer, Associated Wire
Oct. 13, 2008, 5:02 PM EDT

NEW YORK (AW) -- Wall Street rebounded from its worst week ever with a historic rally Monday, sending the Dow Jones industrials up more than 900 points as governments around the world moved to rescue their banks.

The Dow rose 936.42, or 11.08 percent, to 9,387.61, its largest point gain ever and its biggest percentage gain since March 15, 1933, when it rose 15.34 percent.
Broader stock indicators also surged. The Standard & Poor's 500 index rose 104.13, or 11.58 percent, to 1,003.35, and the Nasdaq composite index rose 194.74, or 11.81 percent, to 1,844.25.

Last week the Dow lost 1,874.19 points, or 18.15 percent, its worst week in its 112-year history.

In Europe, Britain's FTSE 100 jumped 8.26 percent to 4,256.90, Germany's DAX index rose 11.40 percent to 5,062.45, and France's CAC-40 climbed 11.18 percent to 3,531.50.

Morgan Stanley shares soared 87 percent after Japan's Mitsubishi UFJ Financial Group Inc. completed a $9 billion investment in the firm.
Light, sweet crude rose more than $3 to settle above $81 a barrel on the New York Mercantile Exchange.

Copyright 2008 Associated Wire. All rights reserved. Call 1-800-555-0199 with corrections.
""",
    figures=[
        ("index", DOW, "Dow soars 936 points", dict(pts="936", note="headline truncates 936.42")),
        ("index", DOW, "more than 900 points", dict(pts="900", note="hedged: more than 900 points")),
        ("index", DOW, "936.42", dict(level="9387.61", pts="936.42", pct="11.08")),
        ("index", DOW, "15.34 percent", dict(pct="15.34", d="1933-03-15")),
        ("index", SPX, "104.13", dict(level="1003.35", pts="104.13", pct="11.58")),
        ("index", NAS, "194.74", dict(level="1844.25", pts="194.74", pct="11.81", id="nas")),
        ("index", DOW, "1,874.19", dict(pts="-1874.19", pct="-18.15", d="2008-10-10",
                                         note="weekly change, week ending 2008-10-10")),
        ("index", FTSE, "8.26 percent", dict(level="4256.90", pct="8.26")),
        ("index", DAX, "11.40 percent", dict(level="5062.45", pct="11.40")),
        ("index", CAC, "11.18 percent", dict(level="3531.50", pct="11.18", note="AP spelling CAC-40")),
        ("stock", "Morgan Stanley", "87 percent", dict(pct="87")),
        ("money", None, "$9 billion", dict(amount="9000000000", cur="USD")),
    ],
    mutants=[
        dict(old="rose 194.74, or 11.81 percent", new="rose 149.74, or 11.81 percent",
             patch={"nas": {"change_points": 149.74}},
             breaks={"nas": ("1844.25", "149.74", "11.81")},
             why="Nasdaq: 149.74/(1,844.25-149.74) = 8.84%, text says 11.81 percent"),
    ],
))

# ---------------------------------------------------------------------------------------------
ARTICLES.append(dict(
    name="en_20250127_deepseek_nvidia", lang="en", date="2025-01-27",
    published="2025-01-27T16:48:00-05:00",
    event="Nvidia -16.97% on the DeepSeek shock, 2025-01-27 (Bloomberg-like style)",
    text="""
Nvidia Sinks 17% as DeepSeek Sparks $589 Billion Wipeout
January 27, 2025 at 4:48 PM EST
By Markets Team | Updated on January 27, 2025 at 6:02 PM EST

Nvidia Corp. sank 17% to $118.42 on Monday, erasing $589 billion of market value, the biggest one-day loss for any company in US history, as a low-cost Chinese AI model from DeepSeek rattled investors in the artificial-intelligence trade.

DeepSeek said its V3 model was trained on 2,048 Nvidia H800 chips for about $5.6 million, a fraction of what US rivals spend. Its R1 app topped Apple's App Store chart over the weekend.

The Philadelphia Semiconductor Index slumped 9.2%, its steepest drop since March 2020. Broadcom Inc. closed down 17.4% and Constellation Energy Corp., a power supplier to data centers, tumbled 21%.
Not everything fell: Apple Inc. rose 3.2% to $229.86 and Meta Platforms Inc. gained 1.9%.

The tech-heavy Nasdaq Composite Index shed 612.47 points, or 3.07%, to 19,341.83. The S&P 500 slid 1.46% to 6,012.28, while the Dow Jones Industrial Average added 289.33 points, or 0.65%, to 44,713.58.
The previous record for a single-day loss in market value was Nvidia's own $279 billion drop on Sept. 3, 2024.

Nvidia shares had risen 171% in 2024.
""",
    figures=[
        ("stock", "Nvidia", "Nvidia Sinks 17%", dict(pct="-17", id="hl", note="headline rounds 16.97 to 17")),
        ("money", None, "$589 Billion Wipeout", dict(amount="589000000000", cur="USD")),
        ("stock", "Nvidia", "sank 17% to $118.42", dict(level="118.42", pct="-17", note="body rounds 16.97 to 17")),
        ("money", None, "erasing $589 billion", dict(amount="589000000000", cur="USD")),
        ("money", None, "$5.6 million", dict(amount="5600000", cur="USD", approx=True, d=None)),
        ("index", SOX, "9.2%", dict(pct="-9.2")),
        ("stock", "Broadcom", "17.4%", dict(pct="-17.4")),
        ("stock", "Constellation Energy", "tumbled 21%", dict(pct="-21")),
        ("stock", "Apple", "3.2%", dict(level="229.86", pct="3.2")),
        ("stock", "Meta Platforms", "1.9%", dict(pct="1.9")),
        ("index", NAS, "612.47", dict(level="19341.83", pts="-612.47", pct="-3.07")),
        ("index", SPX, "1.46%", dict(level="6012.28", pct="-1.46")),
        ("index", DOW, "289.33", dict(level="44713.58", pts="289.33", pct="0.65")),
        ("money", None, "$279 billion", dict(amount="279000000000", cur="USD", d="2024-09-03")),
        ("stock", "Nvidia", "171%", dict(pct="171", d="2024-12-31", note="change over calendar 2024")),
    ],
    mutants=[
        dict(old="Nvidia Sinks 17%", new="Nvidia Sinks 27%",
             patch={"hl": {"change_pct": -27.0, "note": "headline contradicts body"}},
             alt=["sank 17% to $118.42"],
             why="headline says Nvidia fell 27% but the body says 17% to $118.42 (16.97%)"),
    ],
))

# ---------------------------------------------------------------------------------------------
ARTICLES.append(dict(
    name="en_20220518_target_retail_rout", lang="en", date="2022-05-18",
    published="2022-05-18T16:52:00-04:00",
    event="Target -24.9% and S&P 500 worst day since June 2020, 2022-05-18 (Reuters-like style)",
    text="""
Wall St suffers worst day since 2020 as Target's warning fuels inflation fears
By Markets Staff
May 18, 2022 4:52 PM EDT Updated 3 hours ago

NEW YORK, May 18 - Wall Street's main indexes tumbled on Wednesday, with the S&P 500 suffering its biggest one-day decline since June 2020, after Target Corp's dismal quarterly results deepened fears that surging costs are squeezing retailers.

Target's shares closed down 24.9% at $161.61, their steepest daily fall since the Black Monday crash of October 1987, after the big-box retailer said higher fuel and freight costs had eaten into its profit.
Walmart, which tumbled 11.4% on Tuesday after cutting its profit forecast, lost another 6.8%. Costco Wholesale slid 12.5% and Amazon.com Inc fell 7.2%.

The Dow Jones Industrial Average fell 1,164.52 points, or 3.57%, to 31,490.07, the S&P 500 lost 165.17 points, or 4.04%, to end at 3,923.68 points, while the Nasdaq Composite dropped 566.37 points, or 4.73%, to 11,418.15.
Within the S&P 500, the consumer staples sector lost 6.4%, its biggest one-day drop since October 1987.

Volume on U.S. exchanges was 13.06 billion shares, compared with the 12.19 billion average for the full session over the last 20 trading days.

Reporting by Markets Staff; Editing by A. Editor
Our Standards: The Trust Principles.
""",
    figures=[
        ("stock", "Target", "24.9%", dict(level="161.61", pct="-24.9")),
        ("stock", "Walmart", "11.4%", dict(pct="-11.4", d="2022-05-17")),
        ("stock", "Walmart", "6.8%", dict(pct="-6.8")),
        ("stock", "Costco", "12.5%", dict(pct="-12.5")),
        ("stock", "Amazon", "7.2%", dict(pct="-7.2")),
        ("index", DOW, "1,164.52", dict(level="31490.07", pts="-1164.52", pct="-3.57")),
        ("index", SPX, "165.17", dict(level="3923.68", pts="-165.17", pct="-4.04", id="spx")),
        ("index", NAS, "566.37", dict(level="11418.15", pts="-566.37", pct="-4.73")),
    ],
    mutants=[
        dict(old="the S&P 500 lost 165.17 points", new="the S&P 500 gained 165.17 points",
             patch={"spx": {"change_points": 165.17, "change_pct": 4.04}},
             breaks={"spx": ("3923.68", "165.17", "4.04")},
             alt=["suffering its biggest one-day decline"],
             why="S&P 500 direction flipped to 'gained': a 165.17-point gain to 3,923.68 would be +4.39%, "
                 "and the lead says the S&P 500 had its biggest decline since June 2020"),
    ],
))

# ---------------------------------------------------------------------------------------------
ARTICLES.append(dict(
    name="en_20241218_fed_hawkish_cut", lang="en", date="2024-12-18", ext="html",
    published="2024-12-18T17:05:00-05:00",
    event="Fed 'hawkish cut' sell-off 2024-12-18, Dow's 10th straight loss (HTML)",
    text="""
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Stocks tumble as Fed signals fewer rate cuts &ndash; Example Markets</title></head>
<body>
<nav><a href="/">Home</a> &middot; <a href="/markets">Markets</a> &middot; <a href="/economy">Economy</a></nav>
<article>
<h1>Dow sheds more than 1,100 points, logs 10th straight loss as Fed signals fewer cuts in 2025</h1>
<p class="meta">By Dana Whitfield &middot; Dec. 18, 2024 5:05 p.m. ET &middot; <span>2.1K comments</span></p>
<p>Stocks sold off sharply on Wednesday after the Federal Reserve cut rates by a quarter point but signaled it expects only two reductions next year, down from the four it had penciled in in September.</p>
<p>The Dow Jones Industrial Average dropped 1,123.03 points, or 2.58%, to close at 42,326.87, its 10th consecutive losing session &mdash; the longest such streak since 1974.</p>
<p>The S&amp;P 500 lost 2.95% to 5,872.16, and the Nasdaq Composite slid 3.56% to 19,392.69. The small-cap Russell 2000 tumbled 4.4%.</p>
<p>The Cboe Volatility Index, Wall Street&#8217;s fear gauge, spiked 74% to 27.62.</p>
<p>The Fed lowered its benchmark rate to a range of 4.25%&ndash;4.50%. The 10-year Treasury yield jumped to 4.52%.</p>
<p>Tesla fell 8.3% to $440.13.</p>
</article>
<footer><p>&copy; 2024 Example Markets Media. Corrections: 1-800-555-0142.</p></footer>
</body>
</html>
""",
    figures=[
        ("index", DOW, "Dow sheds more than 1,100 points", dict(pts="-1100", note="hedged headline: at least 1,100")),
        ("index", DOW, "1,123.03", dict(level="42326.87", pts="-1123.03", pct="-2.58", id="dow")),
        ("index", SPX, "2.95%", dict(level="5872.16", pct="-2.95")),
        ("index", NAS, "3.56%", dict(level="19392.69", pct="-3.56")),
        ("index", RUT, "4.4%", dict(pct="-4.4")),
        ("index", VIX, "74%", dict(level="27.62", pct="74")),
        ("stock", "Tesla", "8.3%", dict(level="440.13", pct="-8.3")),
    ],
    mutants=[
        dict(old="1,123.03 points, or 2.58%", new="1,123.03 points, or 2.85%",
             patch={"dow": {"change_pct": -2.85}},
             breaks={"dow": ("42326.87", "-1123.03", "-2.85")},
             why="Dow: 1,123.03/(42,326.87+1,123.03) = 2.58%, text says 2.85%"),
    ],
))

# ---------------------------------------------------------------------------------------------
ARTICLES.append(dict(
    name="en_20220923_uk_mini_budget", lang="en", date="2022-09-23",
    published="2022-09-23T16:40:00-04:00",
    event="UK 'mini-budget' sell-off 2022-09-23: FTSE 100, DAX, CAC 40, STOXX 600 and US closes",
    text="""
Sterling slumps, gilts crash as UK's 'mini-budget' rattles global markets
By Global Markets Desk
September 23, 2022 4:40 PM EDT

LONDON/NEW YORK, Sept 23 - British assets were hammered on Friday after finance minister Kwasi Kwarteng unveiled 45 billion pounds of unfunded tax cuts, the biggest since 1972, sending sterling to a 37-year low against the dollar.

Sterling fell 3.6% to $1.0859, its weakest since 1985, and five-year gilt yields posted their biggest one-day jump since at least 1991. The Bank of England had raised rates by 50 basis points to 2.25% on Thursday.

London's blue-chip FTSE 100 index shed 1.97% to 7,018.60, while Germany's DAX fell 1.97% to 12,284.19 and France's CAC 40 lost 2.28% to 5,783.41.
The pan-European STOXX 600 index ended 2.34% lower.

On Wall Street, the Dow Jones Industrial Average fell 486.27 points, or 1.62%, to 29,590.41, closing below 30,000 for the first time since June.
The S&P 500 lost 64.76 points, or 1.72%, to 3,693.23 and the Nasdaq Composite dropped 198.88 points, or 1.80%, to 10,867.93.
For the week, the S&P 500 declined 4.65%.

Brent crude settled down 4.8% at $86.15 a barrel.

(Reporting by Global Markets Desk; Editing by J. Smith)
""",
    figures=[
        ("money", None, "45 billion pounds", dict(amount="45000000000", cur="GBP")),
        ("fx", "GBP/USD", "$1.0859", dict(level="1.0859", pct="-3.6")),
        ("index", FTSE, "7,018.60", dict(level="7018.60", pct="-1.97")),
        ("index", DAX, "12,284.19", dict(level="12284.19", pct="-1.97")),
        ("index", CAC, "5,783.41", dict(level="5783.41", pct="-2.28")),
        ("index", STOXX, "2.34%", dict(pct="-2.34")),
        ("index", DOW, "486.27", dict(level="29590.41", pts="-486.27", pct="-1.62")),
        ("index", SPX, "64.76", dict(level="3693.23", pts="-64.76", pct="-1.72")),
        ("index", NAS, "198.88", dict(level="10867.93", pts="-198.88", pct="-1.80")),
        ("index", SPX, "4.65%", dict(pct="-4.65", note="weekly change")),
    ],
    mutants=[],
))

# ---------------------------------------------------------------------------------------------
ARTICLES.append(dict(
    name="en_20211126_omicron_glance_list", lang="en", date="2021-11-26",
    published="2021-11-26T14:15:00-05:00",
    event="Omicron variant sell-off 2021-11-26 (shortened session), bullet list of closes",
    text="""
MARKET WRAP: Omicron variant fears trigger the Dow's worst day of 2021
Nov 26, 2021 | 2:15 PM ET | Market Desk

Stocks tumbled in a holiday-shortened session on Friday after the discovery of a new, heavily mutated coronavirus variant in southern Africa, later named Omicron by the World Health Organization.

MARKETS AT A GLANCE (1 p.m. ET close)
• Dow: 34,899.34, down 905.04 (-2.53%)
• S&P 500: 4,594.62, down 106.84 (-2.27%)
• Nasdaq: 15,491.66, down 353.57 (-2.23%)
• FTSE 100: 7,044.03, down 3.64%
• DAX: 15,257.04, down 4.15%

The Dow's decline of more than 900 points was its worst day since October 2020.
Vaccine makers rallied: Moderna jumped 20.6% and Pfizer gained 6.1%.
U.S. crude futures plunged 13% to $68.15 a barrel.
The WHO labeled B.1.1.529 a "variant of concern" late on Friday.

Related: 5 things to know before the bell | Watch: 3 charts that explain the sell-off
""",
    figures=[
        ("index", DOW, "34,899.34", dict(level="34899.34", pts="-905.04", pct="-2.53")),
        ("index", SPX, "4,594.62", dict(level="4594.62", pts="-106.84", pct="-2.27")),
        ("index", NAS, "15,491.66", dict(level="15491.66", pts="-353.57", pct="-2.23")),
        ("index", FTSE, "7,044.03", dict(level="7044.03", pct="-3.64")),
        ("index", DAX, "15,257.04", dict(level="15257.04", pct="-4.15")),
        ("index", DOW, "more than 900 points", dict(pts="-900", note="hedged: more than 900 points")),
        ("stock", "Moderna", "20.6%", dict(pct="20.6")),
        ("stock", "Pfizer", "6.1%", dict(pct="6.1")),
    ],
    mutants=[
        dict(old="15,491.66, down 353.57", new="15,491.66, up 353.57",
             why="direction word 'up' contradicts the explicit negative sign (-2.23%) of the Nasdaq line"),
    ],
))
