#!/usr/bin/env python3
"""Builds tests/holdout3/cases/ (clean articles only) and checks arithmetic consistency."""
import csv, json, math, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'cases')
ENT = os.path.join(HERE, '..', '..', '..', 'data', 'lexicon', 'entities.csv')
SYM = {}
for row in csv.reader(l for l in open(ENT, encoding='utf-8') if not l.startswith('#')):
    if row[0] != 'kind':
        SYM[row[1]] = row[2]

def F(line, kind, entity, date, session='close', level=None, pts=None, pct=None, note=None, **kw):
    d = dict(kind=kind, entity=entity, symbol=SYM.get(entity) if entity else None, event_date=date,
             session=session, level=level, change_points=pts, change_pct=pct)
    if kind in ('money', 'fx', 'ratio'):
        d.update(amount=kw.get('amount'), currency=kw.get('currency'), approx=kw.get('approx', False))
    d['line'] = line
    if note: d['note'] = note
    if entity: assert d['symbol'], entity
    return d

def M(line, date, amount, cur, approx=False):
    return F(line, 'money', None, date, 'unknown', amount=amount, currency=cur, approx=approx)

def FX(line, ent, date, level, pts=None, session='close', approx=False):
    return F(line, 'fx', ent, date, session, level, pts, None, amount=None, currency='KRW' if 'KRW' in ent else None, approx=approx)

CASES = {}
# ---------------------------------------------------------------- 1 KOSPI wrap
D = '2024-07-11'
CASES['ko_20240711_kospi_wrap'] = dict(lang='ko', published='2024-07-11T15:52:00+09:00', event='KOSPI wrap (synthetic figures)', text="""코스피, 외국인·기관 '쌍끌이'에 0.86% 상승…2,890선 회복
입력 2024.07.11 15:52 | 수정 2024.07.11 16:10
김민준 기자

코스피가 외국인과 기관의 동반 순매수에 힘입어 사흘 만에 상승 마감했다.
11일 유가증권시장에서 코스피는 전장보다 24.62포인트(0.86%) 오른 2,891.71에 장을 마쳤다.
지수는 5.11포인트(0.18%) 오른 2,872.20으로 출발해 오후 한때 2,896.43까지 올랐다.
외국인과 기관이 각각 3,412억원, 1,875억원어치를 순매수했고 개인은 5,160억원어치를 순매도했다.
시가총액 상위 종목 중에서는 삼성전자가 1,300원(1.51%) 오른 8만7,400원에 마감했고 SK하이닉스(2.27%), 현대차(0.93%)도 강세였다.
반면 LG에너지솔루션(-1.12%)과 셀트리온(-0.54%)은 내렸다.
코스닥 지수는 3.45포인트(0.41%) 오른 851.27에 거래를 마쳤다.
서울 외환시장에서 원·달러 환율은 전 거래일보다 4.2원 내린 1,380.5원에 주간 거래를 마감했다.

김민준 기자 mj.kim@example.co.kr
""", figures=[
    F(1, 'index', 'KOSPI', D, pct=0.86),
    F(6, 'index', 'KOSPI', D, level=2891.71, pts=24.62, pct=0.86),
    F(7, 'index', 'KOSPI', D, 'intraday', 2872.20, 5.11, 0.18),
    F(7, 'index', 'KOSPI', D, 'intraday', 2896.43),
    M(8, D, 341200000000, 'KRW'), M(8, D, 187500000000, 'KRW'), M(8, D, 516000000000, 'KRW'),
    F(9, 'stock', 'Samsung Electronics', D, level=87400, pts=1300, pct=1.51),
    F(9, 'stock', 'SK hynix', D, pct=2.27),
    F(9, 'stock', 'Hyundai Motor', D, pct=0.93),
    F(10, 'stock', 'LG Energy Solution', D, pct=-1.12),
    F(10, 'stock', 'Celltrion', D, pct=-0.54),
    F(11, 'index', 'KOSDAQ', D, level=851.27, pts=3.45, pct=0.41),
    FX(12, 'USD/KRW', D, 1380.5, -4.2),
])
# ---------------------------------------------------------------- 2 KOSDAQ small caps
D = '2024-07-12'
CASES['ko_20240712_kosdaq_smallcap'] = dict(lang='ko', published='2024-07-12T16:02:00+09:00', event='KOSDAQ small-cap roundup (synthetic figures)', text="""코스닥 1.45%↑ 845선…2차전지·로봇주 '불기둥'
[마켓톡] 2024-07-12 16:02

12일 코스닥 지수는 전 거래일 대비 12.08포인트(1.45%) 오른 845.12에 장을 마감했다.
개인이 2,130억원어치를 순매수하며 지수를 끌어올렸다. 외국인과 기관은 각각 1,020억원, 974억원어치를 순매도했다.
2차전지주가 일제히 올랐다. 에코프로비엠(5.83%), 에코프로(4.12%), 엔켐(7.45%) 등이 강세를 보였다.
레인보우로보틱스는 1만2,300원(8.94%) 오른 14만9,900원에 거래를 마치며 52주 신고가를 새로 썼다.
펩트론은 기술이전 계약 소식에 상한가(29.96%)로 직행했다.
반면 바이오주는 부진했다. 알테오젠(-2.31%), HLB(-1.87%), 리가켐바이오(-0.95%)가 하락했고 삼천당제약은 4% 넘게 빠졌다.
반도체 소부장주 중에서는 리노공업(2.64%)과 이오테크닉스(1.18%)가 오른 반면 HPSP(-0.72%)는 약세였다.
코스닥 시장 거래대금은 9조8,214억원으로 전날보다 1조원가량 늘었다.

조회수 3,482 | 공감 41
ⓒ 마켓톡 무단전재 재배포 금지 | 문의 02-555-0178
""", figures=[
    F(1, 'index', 'KOSDAQ', D, pct=1.45),
    F(4, 'index', 'KOSDAQ', D, level=845.12, pts=12.08, pct=1.45),
    M(5, D, 213000000000, 'KRW'), M(5, D, 102000000000, 'KRW'), M(5, D, 97400000000, 'KRW'),
    F(6, 'stock', 'EcoPro BM', D, pct=5.83),
    F(6, 'stock', 'EcoPro', D, pct=4.12),
    F(6, 'stock', 'Enchem', D, pct=7.45),
    F(7, 'stock', 'Rainbow Robotics', D, level=149900, pts=12300, pct=8.94),
    F(8, 'stock', 'Peptron', D, pct=29.96, note='upper limit (상한가)'),
    F(9, 'stock', 'Alteogen', D, pct=-2.31),
    F(9, 'stock', 'HLB', D, pct=-1.87),
    F(9, 'stock', 'LigaChem Biosciences', D, pct=-0.95),
    F(9, 'stock', 'Samchundang Pharm', D, pct=-4.0, note='hedged: 4% 넘게'),
    F(10, 'stock', 'Leeno Industrial', D, pct=2.64),
    F(10, 'stock', 'EO Technics', D, pct=1.18),
    F(10, 'stock', 'HPSP', D, pct=-0.72),
    M(11, D, 9821400000000, 'KRW'), M(11, D, 1000000000000, 'KRW', True),
])
# ---------------------------------------------------------------- 3 foreign markets
D = '2024-06-12'; E = '2024-06-11'
CASES['ko_20240612_global_markets'] = dict(lang='ko', published='2024-06-12T17:48:00+09:00', event='Asian closes and previous-day Europe (synthetic figures)', text="""[글로벌마켓] 中 상하이종합지수 0.52%↑…日 닛케이 1%대 하락
2024.06.12 17:48

12일 아시아 주요 증시는 혼조세를 보였다.
중국 상하이종합지수는 전 거래일보다 15.34포인트(0.52%) 오른 2,967.40에 거래를 마쳤다. 선전성분지수는 0.21% 하락했다.
홍콩 항셍지수는 한국시간 오후 5시 30분 현재 1.87% 오른 18,234.22에 거래되고 있다.
일본 닛케이225 지수는 412.95엔(1.04%) 내린 39,264.13에 장을 마쳤다. 엔화 강세로 도요타자동차(-2.15%) 등 수출주가 약세였다.
대만 자취안지수는 0.77% 올라 사상 최고치를 경신했다.

전날 유럽 증시는 정치 불확실성에 일제히 하락했다. 11일(현지시간) 범유럽 지수인 유로스톡스50은 전장 대비 0.90% 내린 4,912.66으로 마감했다.
독일 DAX 지수는 0.58% 하락했고 프랑스 CAC40 지수는 1.34% 내렸다.
영국 FTSE100 지수는 8,215.38로 24.66포인트(0.30%) 떨어졌다.

이지은 기자 je.lee@example.co.kr
""", figures=[
    F(1, 'index', 'Shanghai Composite', D, pct=0.52),
    F(1, 'index', 'Nikkei 225', D, pct=-1.0, note='hedged: 1%대'),
    F(5, 'index', 'Shanghai Composite', D, level=2967.40, pts=15.34, pct=0.52),
    F(5, 'index', 'Shenzhen Component', D, pct=-0.21),
    F(6, 'index', 'Hang Seng Index', D, 'intraday', 18234.22, None, 1.87),
    F(7, 'index', 'Nikkei 225', D, level=39264.13, pts=-412.95, pct=-1.04, note='points printed as 엔'),
    F(7, 'stock', 'Toyota Motor', D, pct=-2.15),
    F(8, 'index', 'TAIEX', D, pct=0.77),
    F(10, 'index', 'Euro Stoxx 50', E, level=4912.66, pct=-0.90),
    F(11, 'index', 'DAX', E, pct=-0.58),
    F(11, 'index', 'CAC 40', E, pct=-1.34),
    F(12, 'index', 'FTSE 100', E, level=8215.38, pts=-24.66, pct=-0.30),
])
# ---------------------------------------------------------------- 4 FX / commodities
D = '2024-06-26'
CASES['ko_20240626_fx_commodity'] = dict(lang='ko', published='2024-06-26T15:47:00+09:00', event='KRW/JPY weakness, oil and gold (synthetic figures; commodity prices not listed)', text="""원·달러 환율 7.8원 오른 1,389.3원…엔화 38년 만에 최저
입력 2024.06.26 15:47
박서준 기자

26일 서울 외환시장에서 원·달러 환율은 전 거래일보다 7.8원 오른 1,389.3원에 주간 거래를 마감했다.
환율은 3.2원 오른 1,384.7원에 출발한 뒤 오후 들어 상승폭을 키웠다.
엔·달러 환율은 한때 160.8엔까지 올라 1986년 12월 이후 최고 수준을 나타냈다. 원·엔 재정환율은 100엔당 865.02원이었다.
주요 6개국 통화 대비 달러 가치를 나타내는 달러인덱스는 105.6 안팎에서 움직였다.
이날 코스피는 0.61% 내린 2,748.56에 마감했고 외국인은 2,817억원어치를 순매도했다.

국제유가는 소폭 올랐다. 25일(현지시간) 뉴욕상업거래소에서 8월물 서부텍사스산원유(WTI)는 전날보다 0.20달러(0.25%) 오른 배럴당 81.83달러에 거래를 마쳤다.
국제 금값은 온스당 2,330.80달러로 0.4% 내렸다.

박서준 기자 sj.park@example.co.kr ☎02-555-0192
""", figures=[
    FX(1, 'USD/KRW', D, 1389.3, 7.8),
    FX(5, 'USD/KRW', D, 1389.3, 7.8),
    FX(6, 'USD/KRW', D, 1384.7, 3.2, 'intraday'),
    FX(7, 'USD/JPY', D, 160.8, None, 'intraday'),
    FX(7, 'JPY/KRW', D, 865.02),
    FX(8, 'US Dollar Index', D, 105.6, approx=True),
    F(9, 'index', 'KOSPI', D, level=2748.56, pct=-0.61),
    M(9, D, 281700000000, 'KRW'),
])
# ---------------------------------------------------------------- 5 NY overnight (Korean)
D = '2024-07-10'
CASES['ko_20240710_us_overnight'] = dict(lang='ko', published='2024-07-11T06:32:00+09:00', event='US session 2024-07-10 reported in Seoul next morning (synthetic figures)', text="""뉴욕증시, 파월 '금리인하' 시사에 S&P500·나스닥 사상 최고치
기사입력 2024-07-11 06:32 | 최종수정 2024-07-11 07:05

뉴욕증시 3대 지수가 일제히 올랐다. S&P500지수와 나스닥지수는 사상 최고치를 다시 썼다.
10일(현지시간) 뉴욕증권거래소에서 다우존스30 산업평균지수는 전장보다 429.39포인트(1.09%) 오른 39,721.36에 거래를 마쳤다.
대형주 중심의 S&P500지수는 56.93포인트(1.02%) 오른 5,633.91을, 기술주 중심의 나스닥지수는 218.16포인트(1.18%) 뛴 18,647.45를 기록했다.
필라델피아 반도체지수는 1.8% 넘게 상승했다.
종목별로는 엔비디아가 2.68% 오른 134.91달러에 마감했고, 애플(1.88%)과 마이크로소프트(1.38%)도 상승했다.
테슬라는 1.42% 오른 뒤 장 마감 후 시간외거래에서 3% 넘게 더 올랐다.
앞서 제롬 파월 연방준비제도(Fed) 의장은 하원 청문회에서 "인플레이션만이 유일한 위험은 아니다"라고 말했다.
시장은 11일 발표되는 6월 소비자물가지수(CPI)에 주목하고 있다. 전문가들은 6월 CPI가 전년 대비 3.1% 상승했을 것으로 예상한다.

[관련기사] 코스피, 2,900선 눈앞…외국인 '사자'
[관련기사] 엔비디아 시총 3조달러 재돌파
정하늘 기자 hn.jung@example.co.kr
""", figures=[
    F(5, 'index', 'Dow Jones Industrial Average', D, level=39721.36, pts=429.39, pct=1.09),
    F(6, 'index', 'S&P 500', D, level=5633.91, pts=56.93, pct=1.02),
    F(6, 'index', 'Nasdaq Composite', D, level=18647.45, pts=218.16, pct=1.18),
    F(7, 'index', 'PHLX Semiconductor Index', D, pct=1.8, note='hedged: 1.8% 넘게'),
    F(8, 'stock', 'Nvidia', D, level=134.91, pct=2.68),
    F(8, 'stock', 'Apple', D, pct=1.88),
    F(8, 'stock', 'Microsoft', D, pct=1.38),
    F(9, 'stock', 'Tesla', D, pct=1.42),
    F(9, 'stock', 'Tesla', D, 'afterhours', pct=3.0, note='hedged: 3% 넘게'),
])
# ---------------------------------------------------------------- 6 Samsung earnings
D = '2024-07-05'
CASES['ko_20240705_samsung_earnings'] = dict(lang='ko', published='2024-07-05T15:58:00+09:00', event='Samsung Electronics Q2 preliminary earnings (synthetic figures)', text="""삼성전자, 2분기 '어닝 서프라이즈'에 3% 가까이 올라…8만7,100원
입력 2024.07.05 15:58 | 조회수 12,845
윤가은 기자

삼성전자가 시장 예상을 크게 웃도는 2분기 잠정실적을 내놓자 주가가 강세를 보였다.
5일 유가증권시장에서 삼성전자는 전 거래일 대비 2,500원(2.96%) 오른 8만7,100원에 거래를 마쳤다. 장중 8만7,800원까지 올라 52주 신고가를 경신했다.
삼성전자우도 1.85% 상승했다.
삼성전자는 이날 2분기 연결 기준 영업이익이 10조4,000억원으로 1년 전보다 1,452% 늘었다고 공시했다. 매출은 74조원으로 23.3% 증가했다.
반면 SK하이닉스는 차익실현 매물에 3,500원(1.46%) 내린 23만5,500원에 마감했다.
코스피는 0.34% 오른 2,862.23으로 2년 5개월 만에 최고치를 기록했다.
외국인은 삼성전자를 4,960억원어치 순매수했다.

윤가은 기자 ge.yoon@example.co.kr
많이 본 뉴스: 1. 코스피 2,900 돌파 임박 2. '8만전자' 복귀 3. 환율 1,380원대
""", figures=[
    F(1, 'stock', 'Samsung Electronics', D, level=87100, pct=3.0, note='hedged: 3% 가까이'),
    F(6, 'stock', 'Samsung Electronics', D, level=87100, pts=2500, pct=2.96),
    F(6, 'stock', 'Samsung Electronics', D, 'intraday', 87800),
    F(7, 'stock', 'Samsung Electronics Pref', D, pct=1.85),
    M(8, D, 10400000000000, 'KRW'), M(8, D, 74000000000000, 'KRW'),
    F(9, 'stock', 'SK hynix', D, level=235500, pts=-3500, pct=-1.46),
    F(10, 'index', 'KOSPI', D, level=2862.23, pct=0.34),
    M(11, D, 496000000000, 'KRW'),
])
# ---------------------------------------------------------------- 7 Bloomberg
D = '2024-03-07'
CASES['en_20240307_bbg_tech_rally'] = dict(lang='en', published='2024-03-07T16:21:00-05:00', event='US session, Bloomberg-style wrap (synthetic figures)', text="""Stocks Climb as Tech Rally Resumes Ahead of Jobs Data
By Elena Marsh | March 7, 2024 at 4:21 PM EST

US stocks rose as a rebound in megacaps and bets on Federal Reserve rate cuts this year spurred risk appetite.
The S&P 500 rose 0.8% to close at 5,123.45, a fresh all-time high. The tech-heavy Nasdaq 100 advanced 1.3%, while the Dow Jones Industrial Average added 0.2%.
The Philadelphia Semiconductor Index, a gauge of chipmakers, climbed 2.4% and the Russell 2000 of smaller firms slipped 0.1%.
Nvidia Corp. jumped 4.5% to $926.69, while Meta Platforms Inc. rose 2.1%. Tesla Inc. fell 1.6%.
Treasury 10-year yields declined four basis points to 4.08%. The Bloomberg Dollar Spot Index fell 0.5%.
"The market is pricing in a soft landing," said Jane Doe at Example Capital. "Bad news is being bought."
Traders will get February payrolls data on Friday; economists expect an increase of about 200,000 jobs.

--With assistance from Tom Reilly.
Most Read: Bitcoin tops $68,000 | Nvidia's 262% rally explained
""", figures=[
    F(5, 'index', 'S&P 500', D, level=5123.45, pct=0.8),
    F(5, 'index', 'Nasdaq 100', D, pct=1.3),
    F(5, 'index', 'Dow Jones Industrial Average', D, pct=0.2),
    F(6, 'index', 'PHLX Semiconductor Index', D, pct=2.4),
    F(6, 'index', 'Russell 2000', D, pct=-0.1),
    F(7, 'stock', 'Nvidia', D, level=926.69, pct=4.5),
    F(7, 'stock', 'Meta Platforms', D, pct=2.1),
    F(7, 'stock', 'Tesla', D, pct=-1.6),
])
# ---------------------------------------------------------------- 8 AP
D = '2024-02-01'
CASES['en_20240201_ap_dow_climbs'] = dict(lang='en', published='2024-02-01T16:12:00-05:00', event='US session, AP-style story (synthetic figures)', text="""Stock market today: Wall Street rallies back toward records
By DANA RIVERS, AP Business Writer
Updated 4:12 PM EST, February 1, 2024

NEW YORK (AP) - Wall Street rallied Thursday, clawing back most of its loss from the day before.
The S&P 500 rose 1.2%. The Dow Jones Industrial Average climbed 350 points, or 0.9%, to 38,500.12, and the Nasdaq composite gained 1.3%.
The Russell 2000 index of smaller companies rose 18.41 points, or 0.9%, to 2,072.30.
Treasury yields fell after a report said 224,000 workers applied for unemployment benefits last week.
In the bond market, the yield on the 10-year Treasury fell to 3.87% from 3.96% late Wednesday.
Qualcomm fell 4.9% despite reporting stronger profit than analysts expected. Merck & Co. climbed 3.2%.
In Asia, Japan's Nikkei 225 fell 0.8%, Hong Kong's Hang Seng added 0.5% and South Korea's Kospi jumped 1.9%.
Crude oil fell $1.97 to $73.88 per barrel. Bitcoin rose to about $43,000.

AP Business Writers Jane Kim and Ravi Patel contributed.
""", figures=[
    F(6, 'index', 'S&P 500', D, pct=1.2),
    F(6, 'index', 'Dow Jones Industrial Average', D, level=38500.12, pts=350, pct=0.9),
    F(6, 'index', 'Nasdaq Composite', D, pct=1.3),
    F(7, 'index', 'Russell 2000', D, level=2072.30, pts=18.41, pct=0.9),
    F(10, 'stock', 'Qualcomm', D, pct=-4.9),
    F(10, 'stock', 'Merck & Co', D, pct=3.2),
    F(11, 'index', 'Nikkei 225', D, pct=-0.8),
    F(11, 'index', 'Hang Seng Index', D, pct=0.5),
    F(11, 'index', 'KOSPI', D, pct=1.9),
])
# ---------------------------------------------------------------- 9 CNBC
D = '2024-03-21'; P = '2024-03-20'
CASES['en_20240321_cnbc_micron'] = dict(lang='en', published='2024-03-21T16:05:00-04:00', event='Micron after earnings, CNBC-style (synthetic figures)', text="""Micron shares jump 5% after chipmaker's forecast tops estimates
Published Thu, Mar 21 2024 4:05 PM EDT
Priya Shah

KEY POINTS
- Shares of Micron Technology closed 5.2% higher at $123.45 on Thursday.
- The company guided fiscal third-quarter revenue of $6.6 billion, above the $6.02 billion analysts expected.

Shares of Micron Technology closed 5.2% higher at $123.45 on Thursday, a day after the memory maker issued a better-than-expected forecast.
The stock had jumped 9% in extended trading Wednesday after the report. The gain of $6.10 on Thursday lifted the stock to 45% so far this year.
Other chip stocks rallied in sympathy. Lam Research rose 2.4% and Applied Materials added 1.9%, while Intel slipped 0.7%.
The PHLX Semiconductor Index gained 2.8% to close at a record.
Micron's results come as Nvidia's H100 and B200 chips drive demand for high-bandwidth memory, or HBM.

WATCH: Micron CEO on AI demand
""", figures=[
    F(1, 'stock', 'Micron Technology', D, pct=5.0, note='headline rounding of 5.2%'),
    F(6, 'stock', 'Micron Technology', D, level=123.45, pct=5.2),
    M(7, D, 6600000000, 'USD'), M(7, D, 6020000000, 'USD'),
    F(9, 'stock', 'Micron Technology', D, level=123.45, pct=5.2),
    F(10, 'stock', 'Micron Technology', P, 'afterhours', pct=9.0),
    F(10, 'stock', 'Micron Technology', D, pts=6.10),
    F(10, 'stock', 'Micron Technology', D, pct=45.0, note='year-to-date change'),
    F(11, 'stock', 'Lam Research', D, pct=2.4),
    F(11, 'stock', 'Applied Materials', D, pct=1.9),
    F(11, 'stock', 'Intel', D, pct=-0.7),
    F(12, 'index', 'PHLX Semiconductor Index', D, pct=2.8),
])
# ---------------------------------------------------------------- 10 Reuters Europe
D = '2024-06-14'
CASES['en_20240614_reuters_europe'] = dict(lang='en', published='2024-06-14T12:04:00-04:00', event='European close, Reuters-style (synthetic figures)', text="""European shares slide as French election jitters deepen; CAC 40 posts worst week since 2022
June 14, 2024 12:04 PM EDT

LONDON, June 14 (Reuters) - European shares fell on Friday, with French stocks hit hardest as investors fretted over a snap parliamentary election.
The pan-European STOXX 600 index closed down 0.6% at 512.34, ending the week 2.4% lower.
France's CAC-40 slid 2.7% to 7,503.27, bringing its weekly loss to 6.2%.
Germany's DAX lost 1.4% and Britain's FTSE 100 fell 0.2%, while the Euro Stoxx 50 dropped 1.8% to 4,839.14.
Chip equipment maker ASML Holding dipped 1.1%.
The gap between French and German 10-year bond yields widened to 80 basis points, the most since 2017.
"Markets are pricing in a lot of political risk," said Marc Dubois at Example Asset Management in Paris.

Reporting by Lina Park; Editing by Chris Hale
""", figures=[
    F(5, 'index', 'STOXX Europe 600', D, level=512.34, pct=-0.6),
    F(5, 'index', 'STOXX Europe 600', D, pct=-2.4, note='weekly change'),
    F(6, 'index', 'CAC 40', D, level=7503.27, pct=-2.7),
    F(6, 'index', 'CAC 40', D, pct=-6.2, note='weekly change'),
    F(7, 'index', 'DAX', D, pct=-1.4),
    F(7, 'index', 'FTSE 100', D, pct=-0.2),
    F(7, 'index', 'Euro Stoxx 50', D, level=4839.14, pct=-1.8),
    F(8, 'stock', 'ASML', D, pct=-1.1),
])

def num_variants(x):
    x = abs(x)
    out = set()
    for d in range(0, 3):
        s = f'{x:,.{d}f}'
        out.add(s); out.add(s.replace(',', ''))
    if x >= 10000 and x == int(x):  # Korean 8만7,100
        m, r = divmod(int(x), 10000)
        out.add(f'{m}만{r:,}' if r else f'{m}만')
    return out

def iv(x):
    s = repr(abs(x)); d = len(s.split('.')[1]) if '.' in s else 0
    h = 0.5 * 10 ** -d
    return x - h, x + h

def triple_ok(L, P, C):
    # exists pts in interval, level in interval with pct = pts/(level-pts)*100
    lo, hi = iv(L); plo, phi = iv(P); clo, chi = iv(C)
    best = []
    for l in (lo, hi, L):
        for p in (plo, phi, P):
            best.append(p / (l - p) * 100)
    return min(best) <= chi and max(best) >= clo

bad = 0
for name, c in CASES.items():
    lines = c['text'].split('\n')
    if lines[-1] == '': lines = lines[:-1]
    for f in c['figures']:
        ln = lines[f['line'] - 1]
        for k in ('level', 'change_points', 'change_pct'):
            v = f[k]
            if v is None: continue
            if not any(s in ln for s in num_variants(v)):
                print(f'{name}:{f["line"]}: {k}={v} not printed'); bad += 1
        if f['kind'] in ('index', 'stock') and None not in (f['level'], f['change_points'], f['change_pct']):
            if not triple_ok(f['level'], f['change_points'], f['change_pct']):
                print(f'{name}:{f["line"]}: triple inconsistent {f}'); bad += 1
            if (f['change_points'] > 0) != (f['change_pct'] > 0):
                print(f'{name}: sign mismatch'); bad += 1
    assert 8 <= len(lines) <= 18, (name, len(lines))
    with open(os.path.join(OUT, name + '.txt'), 'w', encoding='utf-8') as fh:
        fh.write(c['text'])
    gold = dict(lang=c['lang'], published=c['published'], encoding='utf-8', event=c['event'],
                figures=c['figures'], findings=[])
    with open(os.path.join(OUT, name + '.expected.json'), 'w', encoding='utf-8') as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1); fh.write('\n')
    print(f'{name}: {len(lines)} lines, {sum(f["kind"] in ("index","stock") for f in c["figures"])} scored figures')
sys.exit(1 if bad else 0)
