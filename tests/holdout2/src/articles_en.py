# English articles (9) for held-out set 2, written for this set in the style of US wire copy.
# Outlet names, bylines and phone numbers are invented. Same tuple format as articles_ko.py.

ARTICLES = []


def A(**kw):
    ARTICLES.append(kw)


# ---------------------------------------------------------------- E1 2011-08-08
A(
    name="en_20110808_us_downgrade",
    lang="en",
    published="2011-08-08T17:02:00-04:00",
    date="2011-08-08",
    event="US session 2011-08-08, first trading day after S&P's downgrade of the US rating",
    text="""
Dow plunges 635 points in first trading day after US credit downgrade
By MARK ELLISON, Business Writer | August 8, 2011 5:02 PM EDT

NEW YORK - Stocks suffered their worst day since the 2008 financial crisis on Monday, the first day of trading since Standard & Poor's stripped the United States of its AAA credit rating.

The Dow Jones industrial average fell 634.76 points, or 5.55 percent, to close at 10,809.85. All 30 stocks in the average fell.
The Standard & Poor's 500 index lost 79.92 points, or 6.66 percent, to end at 1,119.46. The Nasdaq composite index dropped 174.72 points, or 6.90 percent, to 2,357.69.
The S&P 500 is now down nearly 18 percent from its April 29 high of 1,363.61.

Bank of America plunged 20.3 percent to $6.51 on worries about mortgage-related lawsuits.
The VIX, Wall Street's fear gauge, jumped 50 percent to 48.00.
Gold rose $61.40 to a record $1,713.20 an ounce. The yield on the 10-year Treasury note fell to 2.34 percent from 2.56 percent.

S&P cut the U.S. rating one notch to AA-plus late Friday, citing political gridlock over the $14.3 trillion debt limit.

Reader line: 1-800-555-0146
""",
    figures=[
        ("index", "DJI", "Dow plunges 635 points", dict(pts="-635", id="hl", note="headline, rounded 634.76")),
        ("index", "DJI", "634.76 points", dict(level="10809.85", pts="-634.76", pct="-5.55")),
        ("index", "SPX", "79.92 points", dict(level="1119.46", pts="-79.92", pct="-6.66")),
        ("index", "IXIC", "174.72 points", dict(level="2357.69", pts="-174.72", pct="-6.90")),
        ("index", "SPX", "nearly 18 percent", dict(pct="-18", note="hedged decline from the 2011-04-29 high")),
        ("index", "SPX", "1,363.61", dict(level="1363.61", d="2011-04-29")),
        ("stock", "BAC", "Bank of America plunged", dict(level="6.51", pct="-20.3")),
        ("index", "VIX", "jumped 50 percent to 48.00", dict(level="48.00", pct="50")),
        ("money", None, "$14.3 trillion", dict(amount="14300000000000", cur="USD")),
    ],
    mutants=[
        dict(old="Dow plunges 635 points", new="Dow plunges 535 points",
             why="headline says the Dow fell 535 points but the body says 634.76 points (5.55%) to 10,809.85",
             patch={"hl": {"change_points": -535.0, "note": "headline"}}, alt=["634.76 points"]),
    ],
)

# ---------------------------------------------------------------- E2 2013-06-20 taper tantrum
A(
    name="en_20130620_taper_tantrum",
    lang="en",
    published="2013-06-20T16:41:00-04:00",
    date="2013-06-20",
    event="Taper tantrum, US session 2013-06-20 (day after Bernanke's press conference)",
    text="""
Wall St tumbles as Bernanke signals end to stimulus; S&P 500 has worst day since 2011
Thu Jun 20, 2013 4:41pm EDT

NEW YORK (Financial Wire) - U.S. stocks fell sharply for a second day on Thursday after Federal Reserve Chairman Ben Bernanke said the central bank could start scaling back its $85 billion-a-month bond-buying program later this year.

The Dow Jones industrial average fell 353.87 points, or 2.34 percent, to 14,758.32. The Standard & Poor's 500 Index lost 40.74 points, or 2.50 percent, to 1,588.19.
The Nasdaq Composite Index dropped 78.57 points, or 2.28 percent, to 3,364.64.
It was the S&P 500's biggest one-day percentage drop since Nov. 9, 2011, when it fell 3.7 percent, and the benchmark closed below 1,600 for the first time since early May.
On Wednesday, after Bernanke's news conference, the Dow had lost 206.04 points, or 1.35 percent, and the S&P 500 shed 1.39 percent.

Bernanke said the Fed could end the purchases by mid-2014 if the unemployment rate falls to around 7 percent.
The benchmark 10-year Treasury yield rose to 2.42 percent, its highest in 22 months.
Volume was heavy, with about 8.7 billion shares changing hands on U.S. exchanges.

(Reporting by Ana Ruiz; Editing by Tom Hale)
""",
    figures=[
        ("index", "DJI", "353.87 points", dict(level="14758.32", pts="-353.87", pct="-2.34")),
        ("index", "SPX", "40.74 points", dict(level="1588.19", pts="-40.74", pct="-2.50")),
        ("index", "IXIC", "78.57 points", dict(level="3364.64", pts="-78.57", pct="-2.28")),
        ("index", "SPX", "fell 3.7 percent", dict(pct="-3.7", d="2011-11-09")),
        ("index", "DJI", "206.04 points", dict(pts="-206.04", pct="-1.35", d="2013-06-19")),
        ("index", "SPX", "shed 1.39 percent", dict(pct="-1.39", d="2013-06-19")),
        ("money", None, "$85 billion", dict(amount="85000000000", cur="USD")),
    ],
)

# ---------------------------------------------------------------- E3 2018-02-05 Volmageddon
A(
    name="en_20180205_volmageddon",
    lang="en",
    published="2018-02-05T16:06:00-05:00",
    date="2018-02-05",
    event="Volmageddon, US session 2018-02-05: record Dow point drop and VIX spike",
    text="""
Dow plunges nearly 1,600 points intraday, closes down 1,175 in its worst point drop ever
Published Mon, Feb 5 2018 4:06 PM EST | Updated Mon, Feb 5 2018 6:51 PM EST

The Dow Jones Industrial Average suffered its biggest point decline in history on Monday as a sharp rise in volatility rattled investors.

The 30-stock index closed down 1,175.21 points, or 4.6 percent, at 24,345.75, after falling as much as 1,597.08 points during the session.
The S&P 500 fell 4.1 percent to 2,648.94, erasing its gains for the year, while the Nasdaq Composite dropped 3.78 percent to 6,967.53.
Both the Dow and the S&P 500 posted their worst one-day percentage declines since August 2011.
The Cboe Volatility Index, widely regarded as the best fear gauge in the market, jumped 20.01 points to 37.32, more than doubling from Friday's close.

Friday's selloff had already knocked 665.75 points, or 2.54 percent, off the Dow.
The Dow had closed at a record 26,616.71 on Jan. 26.
Investors worry that faster wage growth - average hourly earnings rose 2.9 percent in January from a year earlier - will push the Federal Reserve to raise rates more quickly. The 10-year Treasury yield fell to 2.79 percent.

WATCH: Three charts that explain the sell-off | 1.2M views
""",
    figures=[
        ("index", "DJI", "nearly 1,600 points intraday", dict(pts="-1600", s="intraday", note="hedged: nearly 1,600 (exact 1,597.08)")),
        ("index", "DJI", "closes down 1,175", dict(pts="-1175", note="headline, truncated 1,175.21")),
        ("index", "DJI", "1,175.21 points", dict(level="24345.75", pts="-1175.21", pct="-4.6", id="dji")),
        ("index", "DJI", "1,597.08 points", dict(pts="-1597.08", s="intraday")),
        ("index", "SPX", "fell 4.1 percent", dict(level="2648.94", pct="-4.1")),
        ("index", "IXIC", "3.78 percent", dict(level="6967.53", pct="-3.78")),
        ("index", "VIX", "20.01 points", dict(level="37.32", pts="20.01")),
        ("ratio", None, "more than doubling", dict(amount="2", approx=True, note="37.32/17.31 = 2.16")),
        ("index", "DJI", "665.75 points", dict(pts="-665.75", pct="-2.54", d="2018-02-02")),
        ("index", "DJI", "26,616.71", dict(level="26616.71", d="2018-01-26")),
    ],
    mutants=[
        dict(old="or 4.6 percent, at 24,345.75", new="or 3.6 percent, at 24,345.75",
             why="Dow: 1,175.21/(24,345.75+1,175.21) = 4.60%, text says 3.6 percent",
             patch={"dji": {"change_pct": -3.6}}, breaks=["dji"], strs={"dji": {"pct": "-3.6"}}),
    ],
)

# ---------------------------------------------------------------- E4 2024-12-04/05 Bitcoin 100k
A(
    name="en_20241205_bitcoin_100k",
    lang="en",
    published="2024-12-05T01:15:00-05:00",
    date="2024-12-04",
    event="Bitcoin above $100,000 (late 2024-12-04 ET) and record US closes on 2024-12-04",
    text="""
Bitcoin tops $100,000 for the first time; Dow closes above 45,000
December 5, 2024 · 1:15 AM EST · 4 min read

NEW YORK, Dec 5 - Bitcoin surged past $100,000 for the first time late on Wednesday, capping a rally fueled by expectations of a friendlier U.S. regulatory climate under President-elect Donald Trump.
The world's biggest cryptocurrency touched $103,800 in Asian trading on Thursday and has more than doubled this year. It traded around $69,000 on Election Day.

On Wall Street on Wednesday, the Dow Jones Industrial Average rose 308.51 points, or 0.69%, to 45,014.04, its first close above 45,000.
The S&P 500 gained 36.61 points, or 0.61%, to 6,086.49 and the Nasdaq Composite added 254.21 points, or 1.30%, to 19,735.12. All three indexes ended at records.
Salesforce jumped 11% after the software company raised its annual revenue forecast.

MicroStrategy, the largest corporate holder of bitcoin with about 402,100 coins, has seen its shares rise more than 500% this year.
Federal Reserve Chair Jerome Powell said at a conference in New York that bitcoin is "just like gold, only it's virtual."

Related: What a six-figure bitcoin means for miners
""",
    figures=[
        ("index", "DJI", "308.51 points", dict(level="45014.04", pts="308.51", pct="0.69")),
        ("index", "SPX", "36.61 points", dict(level="6086.49", pts="36.61", pct="0.61")),
        ("index", "IXIC", "254.21 points", dict(level="19735.12", pts="254.21", pct="1.30")),
        ("stock", "CRM", "Salesforce jumped 11%", dict(pct="11")),
        ("stock", "MSTR", "more than 500%", dict(pct="500", note="hedged year-to-date change: more than 500%")),
    ],
)

# ---------------------------------------------------------------- E5 2022-02-24 Europe (DAX/STOXX)
A(
    name="en_20220224_europe_invasion",
    lang="en",
    published="2022-02-24T17:05:00-05:00",
    date="2022-02-24",
    event="European sell-off on Russia's invasion of Ukraine and the US intraday reversal, 2022-02-24",
    text="""
European Stocks Sink Most Since 2020 as Russia Invades Ukraine; DAX Drops 3.96%
February 24, 2022 at 5:05 PM EST

European stocks had their worst session since late 2020 after Russian President Vladimir Putin ordered a military assault on Ukraine, sending Brent crude above $100 a barrel for the first time since 2014.

Germany's DAX index fell 579.26 points, or 3.96%, to close at 14,052.10. France's CAC 40 slid 3.83% to 6,521.05, and the UK's FTSE 100 lost 3.88% to 7,207.38.
The Stoxx Europe 600 fell 3.3%, with banks among the biggest decliners; the benchmark was down more than 4% at one point during the session.
Russia's MOEX index collapsed 33% in Moscow.

In New York, stocks staged a dramatic turnaround. The Nasdaq Composite, which had been down as much as 3.5% early in the session, closed up 436.10 points, or 3.34%, at 13,473.59.
The S&P 500 climbed 1.50% to 4,288.70 and the Dow gained 92.07 points, or 0.28%, to 33,223.83.
Brent settled up $2.24 at $99.08 a barrel after touching $105.79.

The European Central Bank's deposit rate stands at minus 0.5%.
""",
    figures=[
        ("index", "DAX", "DAX Drops 3.96%", dict(pct="-3.96")),
        ("index", "DAX", "579.26 points", dict(level="14052.10", pts="-579.26", pct="-3.96")),
        ("index", "CAC", "slid 3.83%", dict(level="6521.05", pct="-3.83")),
        ("index", "FTSE", "lost 3.88%", dict(level="7207.38", pct="-3.88")),
        ("index", "STOXX", "fell 3.3%", dict(pct="-3.3")),
        ("index", "STOXX", "more than 4%", dict(pct="-4", s="intraday", note="hedged: more than 4% at one point")),
        ("index", "IXIC", "as much as 3.5%", dict(pct="-3.5", s="intraday")),
        ("index", "IXIC", "436.10 points", dict(level="13473.59", pts="436.10", pct="3.34")),
        ("index", "SPX", "climbed 1.50%", dict(level="4288.70", pct="1.50")),
        ("index", "DJI", "92.07 points", dict(level="33223.83", pts="92.07", pct="0.28")),
    ],
)

# ---------------------------------------------------------------- E6 (HTML) 2023-11-14 CPI rally
A(
    name="en_20231114_cpi_rally",
    lang="en",
    ext="html",
    published="2023-11-14T16:28:00-05:00",
    date="2023-11-14",
    event="US session 2023-11-14, rally on a cooler October CPI (HTML with list and table)",
    text="""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Stocks rally after cooler-than-expected inflation report | Markets</title>
</head>
<body>
<article>
<p class="dateline">By Dana Whitcomb &middot; Published Nov. 14, 2023, 4:28 PM ET</p>
<h1>Dow jumps 490 points, small caps soar 5.4% as inflation cools</h1>
<p>Stocks rallied on Tuesday after October&rsquo;s consumer price index came in softer than expected, fueling bets that the Federal Reserve is done raising interest rates.</p>
<ul>
<li>The Dow Jones Industrial Average jumped 489.83 points, or 1.43%, to 34,827.70.</li>
<li>The S&amp;P 500 gained 1.91% to end at 4,495.70.</li>
<li>The Nasdaq Composite added 2.37% to 14,094.38.</li>
</ul>
<p>The small-cap Russell 2000 surged 5.44%, its best day in a year.</p>
<p>The consumer price index was flat in October and rose 3.2% from a year earlier, below the 3.3% economists polled had expected. The 10-year Treasury yield fell to about 4.44%.</p>
<p>Home Depot climbed 5.4% after the retailer topped quarterly earnings expectations.</p>
<table>
<tr><th>Index</th><th>Close</th><th>Change</th><th>% Change</th></tr>
<tr><td>Dow</td><td>34,827.70</td><td>+489.83</td><td>+1.43%</td></tr>
<tr><td>S&amp;P 500</td><td>4,495.70</td><td>+84.15</td><td>+1.91%</td></tr>
<tr><td>Nasdaq</td><td>14,094.38</td><td>+325.64</td><td>+2.37%</td></tr>
</table>
<p class="meta">4.2K views &middot; 318 comments</p>
</article>
</body>
</html>
""",
    figures=[
        ("index", "DJI", "Dow jumps 490 points", dict(pts="490", note="headline, rounded 489.83")),
        ("index", "RUT", "small caps soar 5.4%", dict(pct="5.4", note="headline: 'small caps' = Russell 2000 (named in the body)")),
        ("index", "DJI", "489.83 points", dict(level="34827.70", pts="489.83", pct="1.43", id="dji")),
        ("index", "SPX", "gained 1.91%", dict(level="4495.70", pct="1.91")),
        ("index", "IXIC", "added 2.37%", dict(level="14094.38", pct="2.37")),
        ("index", "RUT", "surged 5.44%", dict(pct="5.44")),
        ("stock", "HD", "Home Depot climbed 5.4%", dict(pct="5.4")),
        ("index", "DJI", "<td>34,827.70</td>", dict(level="34827.70", pts="489.83", pct="1.43")),
        ("index", "SPX", "<td>4,495.70</td>", dict(level="4495.70", pts="84.15", pct="1.91")),
        ("index", "IXIC", "<td>14,094.38</td>", dict(level="14094.38", pts="325.64", pct="2.37")),
    ],
    mutants=[
        dict(old="jumped 489.83 points", new="tumbled 489.83 points",
             why="Dow direction flipped to 'tumbled': a 489.83-point fall to 34,827.70 would be -1.39%, text says 1.43%; the headline and the table say the Dow rose",
             patch={"dji": {"change_points": -489.83, "change_pct": -1.43}},
             alt=["Dow jumps 490 points", "<td>34,827.70</td>"],
             breaks=["dji"], strs={"dji": {"pts": "-489.83", "pct": "-1.43"}}),
    ],
)

# ---------------------------------------------------------------- E7 2024-03-07 Nvidia
A(
    name="en_20240307_nvidia_record",
    lang="en",
    published="2024-03-07T16:45:00-05:00",
    date="2024-03-07",
    event="Nvidia record close and S&P 500/Nasdaq records, 2024-03-07; after-hours moves",
    text="""
Nvidia climbs 4.5% to a record as AI rally lifts S&P 500, Nasdaq to new highs
Thursday, March 7, 2024 · 4:45 PM ET

Nvidia shares rose for a fifth straight session on Thursday, lifting the chipmaker's market value to about $2.3 trillion.

Shares of Nvidia closed up 4.47% at $926.69, a record close. The stock has gained 87% so far in 2024.
The S&P 500 rose 52.60 points, or 1.03%, to 5,157.36, and the Nasdaq Composite added 241.83 points, or 1.51%, to 16,273.38, both closing at records.
The Dow Jones Industrial Average gained 130.30 points, or 0.34%, to 38,791.35.

Nvidia's H100 processors remain in short supply, and its next-generation B100 is expected later this year. One brokerage this week lifted its price target on the stock to $1,100.
After the bell, Broadcom fell about 3% in extended trading after the chipmaker's revenue forecast merely matched estimates, and Costco slid 4% after hours on a revenue miss.

The February jobs report due Friday is expected to show the economy added about 200,000 jobs.
""",
    figures=[
        ("stock", "NVDA", "Nvidia climbs 4.5%", dict(pct="4.5")),
        ("money", None, "$2.3 trillion", dict(amount="2300000000000", cur="USD", approx=True)),
        ("stock", "NVDA", "closed up 4.47%", dict(level="926.69", pct="4.47")),
        ("stock", "NVDA", "gained 87%", dict(pct="87", note="year-to-date change")),
        ("index", "SPX", "52.60 points", dict(level="5157.36", pts="52.60", pct="1.03")),
        ("index", "IXIC", "241.83 points", dict(level="16273.38", pts="241.83", pct="1.51")),
        ("index", "DJI", "130.30 points", dict(level="38791.35", pts="130.30", pct="0.34")),
        ("stock", "AVGO", "Broadcom fell about 3%", dict(pct="-3", s="afterhours", note="hedged: about 3%")),
        ("stock", "COST", "Costco slid 4%", dict(pct="-4", s="afterhours")),
    ],
)

# ---------------------------------------------------------------- E8 2020-03-24
A(
    name="en_20200324_dow_best_day",
    lang="en",
    published="2020-03-24T16:38:00-04:00",
    date="2020-03-24",
    event="Dow's best day since 1933, US session 2020-03-24",
    text="""
Dow soars 11.4%, its best day since 1933, on hopes for a virus rescue deal
By STAN CHO, Business Writer | March 24, 2020, 4:38 p.m. EDT

NEW YORK - Wall Street soared on Tuesday on hopes that Congress is nearing a deal on a $2 trillion rescue package for an economy battered by the coronavirus outbreak.

The Dow Jones Industrial Average jumped 2,112.98 points, or 11.37%, to 20,704.91, its biggest percentage gain since March 15, 1933, when it climbed 15.34%.
The S&P 500 rose 209.93 points, or 9.38%, to 2,447.33, and the Nasdaq Composite gained 557.18 points, or 8.12%, to 7,417.86.
The rally followed a brutal stretch: through Monday's close, the S&P 500 had lost about a third of its value since its Feb. 19 record.
Even after Tuesday's surge, the Dow remains down nearly 30% from its Feb. 12 record of 29,551.42.

Boeing soared 20.8% to $127.68. Nearly 95% of the stocks in the S&P 500 rose.
The yield on the 10-year Treasury rose to 0.82% from 0.76% late Monday.

Copyright 2020. Newsroom: 1-800-555-0133
""",
    figures=[
        ("index", "DJI", "Dow soars 11.4%", dict(pct="11.4")),
        ("money", None, "$2 trillion", dict(amount="2000000000000", cur="USD")),
        ("index", "DJI", "2,112.98 points", dict(level="20704.91", pts="2112.98", pct="11.37", id="dji")),
        ("index", "DJI", "climbed 15.34%", dict(pct="15.34", d="1933-03-15")),
        ("index", "SPX", "209.93 points", dict(level="2447.33", pts="209.93", pct="9.38")),
        ("index", "IXIC", "557.18 points", dict(level="7417.86", pts="557.18", pct="8.12")),
        ("ratio", None, "about a third", dict(amount="0.3333", approx=True, d="2020-03-23",
                                              note="S&P 500 3,386.15 (Feb 19) -> 2,237.40 (Mar 23) = -33.9%")),
        ("index", "DJI", "nearly 30%", dict(pct="-30", note="hedged decline from the 2020-02-12 record")),
        ("index", "DJI", "29,551.42", dict(level="29551.42", d="2020-02-12")),
        ("stock", "BA", "Boeing soared 20.8%", dict(level="127.68", pct="20.8")),
    ],
    mutants=[
        dict(old="to 20,704.91", new="to 21,704.91",
             why="Dow: 2,112.98/(21,704.91-2,112.98) = 10.78%, text says 11.37% (level changed)",
             patch={"dji": {"level": 21704.91}}, breaks=["dji"], strs={"dji": {"level": "21704.91"}}),
    ],
)

# ---------------------------------------------------------------- E9 2015-08-24
A(
    name="en_20150824_us_black_monday",
    lang="en",
    published="2015-08-24T16:35:00-04:00",
    date="2015-08-24",
    event="US session 2015-08-24 (China 'Black Monday'), Dow 1,089-point drop at the open",
    text="""
Wall Street tumbles on China fears; Dow sheds 1,089 points at the open
Mon Aug 24, 2015 4:35pm EDT

NEW YORK (Financial Wire) - U.S. stocks fell sharply on Monday in a chaotic session, tracking a global selloff after China's Shanghai Composite plunged 8.5%, as fears about China's slowing economy gripped markets.

The Dow Jones Industrial Average fell 588.40 points, or 3.57%, to 15,871.35, after tumbling 1,089 points in the first minutes of trading, its largest intraday point drop ever.
The S&P 500 lost 77.68 points, or 3.94%, to 1,893.21, and the Nasdaq Composite dropped 179.79 points, or 3.82%, to 4,526.25.
The S&P 500 is now down 11.2% from its May 21 record close, confirming a correction.
On Friday, the Dow had slumped 530.94 points, or 3.12%, to 16,459.75.

Apple shares swung wildly, falling as much as 13% before closing down 2.5% at $103.12.
The CBOE Volatility Index briefly topped 53, its highest since 2009, before closing at 40.74.
In Asia, Japan's Nikkei average slid 4.6% and Hong Kong's Hang Seng index fell 5.2%.

(Reporting by Ana Ruiz; Editing by Tom Hale)
""",
    figures=[
        ("index", "DJI", "sheds 1,089 points", dict(pts="-1089", s="intraday")),
        ("index", "SSEC", "plunged 8.5%", dict(pct="-8.5")),
        ("index", "DJI", "588.40 points", dict(level="15871.35", pts="-588.40", pct="-3.57")),
        ("index", "DJI", "tumbling 1,089 points", dict(pts="-1089", s="intraday")),
        ("index", "SPX", "77.68 points", dict(level="1893.21", pts="-77.68", pct="-3.94")),
        ("index", "IXIC", "179.79 points", dict(level="4526.25", pts="-179.79", pct="-3.82")),
        ("index", "SPX", "down 11.2%", dict(pct="-11.2", note="decline from the 2015-05-21 record close")),
        ("index", "DJI", "530.94 points", dict(level="16459.75", pts="-530.94", pct="-3.12", d="2015-08-21")),
        ("stock", "AAPL", "as much as 13%", dict(pct="-13", s="intraday")),
        ("stock", "AAPL", "closing down 2.5%", dict(level="103.12", pct="-2.5")),
        ("index", "VIX", "briefly topped 53", dict(level="53", s="intraday", note="hedged: topped 53")),
        ("index", "VIX", "closing at 40.74", dict(level="40.74")),
        ("index", "N225", "Nikkei average slid 4.6%", dict(pct="-4.6")),
        ("index", "HSI", "Hang Seng index fell 5.2%", dict(pct="-5.2")),
    ],
)
