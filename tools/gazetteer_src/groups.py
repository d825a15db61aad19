"""Groups with dated membership: g(id, name_en, name_zh, aliases_en, aliases_zh,
aliases_zh_hant, members).  Members are (country, from[, to]); dates
YYYY-MM-DD, YYYY-MM or YYYY; None when not known.  Chinese names with an
em dash get the –, -, 一 and － variants added automatically.
Built into data/gazetteer/groups.json by tools/build_gazetteer_data.py."""
G=[]
DASHES=["–","-","一","－"]
def dv(lst):
    out=[]
    for s in lst:
        out.append(s)
        if "—" in s:
            for d in DASHES: out.append(s.replace("—",d))
    seen=set(); r=[]
    for x in out:
        if x not in seen: seen.add(x); r.append(x)
    return r
def g(id,en,zh,ae,az,ah,members):
    zhs=dv([zh]); az=[x for x in dv(az) if x!=zh]
    az=[x for x in zhs[1:] if x not in az]+az
    ms=[]
    for m in members:
        e={"country":m[0]}
        if len(m)>1 and m[1]: e["from"]=m[1]
        if len(m)>2 and m[2]: e["to"]=m[2]
        ms.append(e)
    ae=[x for x in ae if x!=en]; az=[x for x in az if x!=zh]
    G.append({"id":id,"name_en":en,"name_zh":zh,"aliases_en":ae,"aliases_zh":az,"aliases_zh_hant":ah,"members":ms})
def same(codes,frm=None): return [(c,frm) for c in codes.split()]

ASEAN=[("ID","1967-08-08"),("MY","1967-08-08"),("PH","1967-08-08"),("SG","1967-08-08"),("TH","1967-08-08"),
       ("BN","1984-01-07"),("VN","1995-07-28"),("LA","1997-07-23"),("MM","1997-07-23"),("KH","1999-04-30"),("TL","2025-10-26")]
def later(a,b): return max(a,b)
g("ASEAN","Association of Southeast Asian Nations","东南亚国家联盟",["ASEAN","Association of South-East Asian Nations"],["东盟"],["東協","亞細安","東南亞國家協會"],ASEAN)
g("ASEAN-CHINA","China-ASEAN","中国—东盟",["ASEAN-China","China–ASEAN","ASEAN–China","ASEAN-China Dialogue","China-ASEAN 10+1","ASEAN Plus China"],["东盟—中国","中国—东盟合作","中国—东盟(10+1)","中国—东盟领导人会议","中国—东盟外长会","东盟与中国(10+1)"],["中國—東協"],
  [("CN","1991-07-19")]+[(c,later(d,"1991-07-19")) for c,d in ASEAN])
g("APT","ASEAN Plus Three","东盟与中日韩",["ASEAN+3","ASEAN Plus 3","APT","10+3"],["东盟与中日韩(10+3)","东盟+3","东盟加三","10+3"],["東協加三","東協+3"],
  [(c,later(d,"1997-12-15")) for c,d in ASEAN]+[("CN","1997-12-15"),("JP","1997-12-15"),("KR","1997-12-15")])
g("EAS","East Asia Summit","东亚峰会",["EAS"],["东亚峰会"],[],
  [(c,later(d,"2005-12-14")) for c,d in ASEAN]+same("AU CN IN JP KR NZ","2005-12-14")+same("RU US","2011-11-19"))
g("LMC","Lancang-Mekong Cooperation","澜沧江—湄公河合作",["LMC","Lancang-Mekong","Lancang–Mekong Cooperation","Mekong-Lancang Cooperation","Mekong–Lancang","MLC","Lancang-Mekong Cooperation mechanism"],["澜湄合作","澜湄","澜湄合作机制","湄公河—澜沧江合作","澜沧江—湄公河合作机制"],["瀾湄合作","湄公河—瀾滄江合作"],
  same("CN KH LA MM TH VN","2016-03-23"))
g("GMS","Greater Mekong Subregion","大湄公河次区域",["GMS","Greater Mekong Subregion Economic Cooperation Program","GMS Program"],["大湄公河次区域经济合作","大湄公河次区域合作","GMS"],[],
  same("CN KH LA MM TH VN","1992"))
g("BRICS","BRICS","金砖国家",["BRIC","BRICS countries","BRICS nations"],["金砖","金砖机制","金砖国家合作机制","金砖五国"],["金磚國家","金磚"],
  same("BR RU IN CN","2009-06-16")+[("ZA","2010-12-24")]+same("EG ET IR AE","2024-01-01")+[("ID","2025-01-06")])
g("BRICS-PARTNERS","BRICS partner countries","金砖伙伴国",["BRICS partners","BRICS partner countries"],["金砖国家伙伴国"],[],
  same("BY BO KZ CU MY TH UG UZ","2025-01-01")+[("NG","2025-01-17"),("VN","2025-06-13")])
g("SCO","Shanghai Cooperation Organisation","上海合作组织",["SCO","Shanghai Cooperation Organization"],["上合组织","上合"],["上海合作組織"],
  same("CN RU KZ KG TJ UZ","2001-06-15")+same("IN PK","2017-06-09")+[("IR","2023-07-04"),("BY","2024-07-04")])
g("G20","Group of Twenty","二十国集团",["G20","G-20","Group of 20"],["G20","二十国集团领导人峰会"],["二十國集團"],
  same("AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US","1999-09-26"))
g("G7","Group of Seven","七国集团",["G7","G-7","Group of 7"],["G7","西方七国集团","七国集团峰会"],["七國集團","七大工業國"],
  same("FR DE IT JP GB US","1975-11-15")+[("CA","1976-06-27")])
g("G8","Group of Eight","八国集团",["G8","G-8"],["G8"],["八國集團","八大工業國"],
  same("FR DE IT JP GB US CA","1997-06-20")+[("RU","1997-06-20","2014-03-24")])
g("P5","permanent members of the UN Security Council","联合国安理会常任理事国",["P5","Permanent Five","permanent five","UN Security Council permanent members"],["安理会常任理事国","五常","安理会五常","五个常任理事国"],["安理會常任理事國"],
  [("CN","1971-10-25"),("FR","1945-10-24"),("GB","1945-10-24"),("RU","1991-12-24"),("US","1945-10-24")])
EU=[("BE","1958-01-01"),("FR","1958-01-01"),("DE","1958-01-01"),("IT","1958-01-01"),("LU","1958-01-01"),("NL","1958-01-01"),
    ("DK","1973-01-01"),("IE","1973-01-01"),("GB","1973-01-01","2020-01-31"),("GR","1981-01-01"),("ES","1986-01-01"),("PT","1986-01-01"),
    ("AT","1995-01-01"),("FI","1995-01-01"),("SE","1995-01-01")]+same("CY CZ EE HU LV LT MT PL SK SI","2004-05-01")+same("BG RO","2007-01-01")+[("HR","2013-07-01")]
g("EU","European Union","欧洲联盟",["EU","the EU","E.U."],["欧盟"],["歐盟","歐洲聯盟"],EU)
AFR_UN="DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW".split()
au=[]
for c in AFR_UN:
    f="2002-07-09"
    if c=="MA": f="2017-01-30"
    if c=="SS": f="2011-07-27"
    au.append((c,f))
au.append(("EH","2002-07-09"))
g("AU","African Union","非洲联盟",["AU","the African Union"],["非盟"],["非洲聯盟"],au)
focac=[("CN","2000-10-10")]
late={"LR":"2003-10","SN":"2005-10","TD":"2006-08","MW":"2008-01","SS":"2011-07","GM":"2016-03","ST":"2016-12","BF":"2018-05"}
for c in AFR_UN:
    if c=="SZ": continue
    focac.append((c,late.get(c,"2000-10-10")))
g("FOCAC","Forum on China-Africa Cooperation","中非合作论坛",["FOCAC","Forum on China–Africa Cooperation","China-Africa Cooperation Forum"],["中非论坛","中非合作论坛峰会"],["中非合作論壇"],focac)
g("GCC","Gulf Cooperation Council","海湾阿拉伯国家合作委员会",["GCC","Cooperation Council for the Arab States of the Gulf","Gulf Cooperation Council states"],["海合会","海湾合作委员会"],["海灣合作理事會","海合會"],
  same("SA KW BH QA AE OM","1981-05-25"))
g("APEC","Asia-Pacific Economic Cooperation","亚太经济合作组织",["APEC","Asia–Pacific Economic Cooperation","Asia Pacific Economic Cooperation"],["亚太经合组织","亚太经合组织领导人非正式会议"],["亞太經濟合作會議","亞太經合會"],
  same("AU BN CA ID JP KR MY NZ PH SG TH US","1989-11-06")+same("CN HK TW","1991-11-12")+same("MX PG","1993-11")+[("CL","1994-11")]+same("PE RU VN","1998-11"))
CELAC="AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE".split()
assert len(CELAC)==33
g("CELAC","Community of Latin American and Caribbean States","拉丁美洲和加勒比国家共同体",["CELAC"],["拉共体","拉美和加勒比国家共同体"],["拉丁美洲及加勒比海國家共同體","拉美共同體"],same(" ".join(CELAC),"2011-12-03"))
g("CHINA-CELAC","China-CELAC Forum","中国—拉共体论坛",["China–CELAC Forum","China-CELAC","China-Latin America and Caribbean Forum"],["中拉论坛","中国—拉美和加勒比国家共同体论坛"],[],[("CN","2015-01-08")]+same(" ".join(CELAC),"2015-01-08"))
cica=same("AF AZ CN EG IN IR IL KZ KG MN PK PS RU TJ TR UZ","1999-09-14")+[("TH","2004"),("KR","2006"),("JO","2008"),("AE","2008"),("IQ","2010"),("VN","2010"),("KH","2011"),("BH","2014"),("BD","2014"),("QA","2014"),("LK","2018"),("KW",None),("TM",None)]
g("CICA","Conference on Interaction and Confidence-Building Measures in Asia","亚洲相互协作与信任措施会议",["CICA","Conference on Interaction and Confidence Building Measures in Asia"],["亚信会议","亚信"],["亞信會議","亞洲相互協作與信任措施會議"],cica)
al=same("EG IQ JO LB SA SY","1945-03-22")+[("YE","1945-05-05"),("LY","1953"),("SD","1956"),("MA","1958"),("TN","1958"),("KW","1961"),("DZ","1962"),("AE","1971"),("BH","1971"),("QA","1971"),("OM","1971"),("MR","1973"),("SO","1974"),("PS","1976"),("DJ","1977"),("KM","1993")]
g("ARAB-LEAGUE","Arab League","阿拉伯国家联盟",["League of Arab States","the Arab League"],["阿盟","阿拉伯联盟"],["阿拉伯聯盟","阿拉伯國家聯盟"],al)
g("CASCF","China-Arab States Cooperation Forum","中国—阿拉伯国家合作论坛",["China–Arab States Cooperation Forum","CASCF","China-Arab Cooperation Forum"],["中阿合作论坛","中国—阿拉伯国家峰会","中阿峰会"],["中阿合作論壇"],[("CN","2004-01-30")]+[(c,"2004-01-30") for c,_ in al])
pif=same("AU NZ FJ NR WS TO CK","1971-08-05")+[("PG","1974"),("NU","1975"),("KI",None),("TV",None),("SB",None),("VU",None),("FM","1987"),("MH","1987"),("PW","1995"),("NC","2016-09-10"),("PF","2016-09-10")]
g("PIF","Pacific Islands Forum","太平洋岛国论坛",["PIF","the Pacific Islands Forum","South Pacific Forum"],["太平洋岛国论坛领导人会议","南太平洋论坛"],["太平洋島國論壇"],pif)
g("CHINA-PIC","China-Pacific Island Countries","中国—太平洋岛国",["China–Pacific Island Countries","China-Pacific Island Countries Foreign Ministers' Meeting"],["中国—太平洋岛国外长会","中国—太平洋岛国外长会晤","中国—太平洋岛国合作"],[],
  [("CN","2022-05-30")]+same("CK FJ FM KI NU PG SB TO VU WS","2022-05-30")+[("NR","2024-01-24")])
g("CHINA-CENTRAL-ASIA","China-Central Asia","中国—中亚",["China–Central Asia","C+C5","China-Central Asia mechanism","China-Central Asia Summit","China+Central Asia"],["中国—中亚峰会","中国—中亚合作机制","中国—中亚外长会晤","中国—中亚五国","中国+中亚五国"],["中國—中亞"],
  same("CN KZ KG TJ TM UZ","2020-07-16"))
ceec=[("CN","2012-04-26")]+same("AL BA BG HR CZ HU ME MK PL RO RS SK SI","2012-04-26")+[("EE","2012-04-26","2022-08-11"),("LV","2012-04-26","2022-08-11"),("LT","2012-04-26","2021-05-22"),("GR","2019-04-12")]
g("CHINA-CEEC","China-CEEC Cooperation","中国—中东欧国家合作",["China–CEEC","China-CEEC","17+1","16+1","14+1","China-Central and Eastern European Countries Cooperation","Cooperation between China and Central and Eastern European Countries"],["中国—中东欧","中国—中东欧国家领导人会晤","中国—中东欧国家峰会","17+1合作","16+1合作","中国—中东欧合作"],["中國—中東歐"],ceec)
g("CJK","China-Japan-ROK trilateral cooperation","中日韩合作",["China-Japan-ROK","China-Japan-South Korea","China–Japan–ROK","China-Japan-Korea"],["中日韩","中日韩领导人会议","中日韩外长会"],["中日韓"],same("CN JP KR","2008-12-13"))
asem=same("AT BE DK FI FR DE GR IE IT LU NL PT ES SE GB BN ID MY PH SG TH VN CN JP KR","1996-03-01")+same("CY CZ EE HU LV LT MT PL SK SI KH LA MM","2004-10")+same("BG RO IN MN PK","2008-10")+same("AU NZ RU","2010-10")+same("BD NO CH","2012-11")+same("HR KZ","2014-10")
g("ASEM","Asia-Europe Meeting","亚欧会议",["ASEM","Asia–Europe Meeting"],["亚欧首脑会议","亚欧峰会"],["亞歐會議"],asem)
nato=same("BE CA DK FR IS IT LU NL NO PT GB US","1949-08-24")+same("GR TR","1952-02-18")+[("DE","1955-05-09"),("ES","1982-05-30")]+same("CZ HU PL","1999-03-12")+same("BG EE LV LT RO SK SI","2004-03-29")+same("AL HR","2009-04-01")+[("ME","2017-06-05"),("MK","2020-03-27"),("FI","2023-04-04"),("SE","2024-03-07")]
g("NATO","North Atlantic Treaty Organization","北大西洋公约组织",["NATO","North Atlantic Treaty Organisation","the Alliance"],["北约"],["北約","北大西洋公約組織"],nato)
g("QUAD","Quadrilateral Security Dialogue","四方安全对话",["Quad","the Quad","Quadrilateral Security Dialogue","Quad countries"],["美日印澳四方安全对话","美日印澳四边机制","四边机制","美日印澳","四方机制","四方对话"],["四方安全對話","美日印澳"],same("US JP IN AU","2017-11-12"))
g("AUKUS","AUKUS","美英澳三边安全伙伴关系",["AUKUS pact","AUKUS partnership"],["奥库斯","美英澳三边安全伙伴关系","美英澳"],["奧庫斯"],same("AU GB US","2021-09-15"))
opec=same("IR IQ KW SA VE","1960-09-14")+[("QA","1961","2019-01-01"),("LY","1962"),("AE","1967"),("DZ","1969"),("NG","1971"),("EC","2007-10","2020-01-01"),("GA","2016-07-01"),("AO","2007-01-01","2024-01-01"),("GQ","2017-05-25"),("CG","2018-06-22")]
g("OPEC","Organization of the Petroleum Exporting Countries","石油输出国组织",["OPEC","Organisation of the Petroleum Exporting Countries"],["欧佩克","石油输出国组织(欧佩克)"],["石油輸出國家組織","石油輸出國組織"],opec)
cw=[(c,None) for c in "AG AU BS BD BB BZ BW BN CA CY DM SZ FJ GH GD GY IN JM KE KI LS MW MY MT MU NA NR NZ NG PK PG KN LC VC WS SC SL SG SB ZA LK TZ TO TT TV UG GB VU ZM".split()]+[("CM","1995-11-01"),("MZ","1995-11-12"),("RW","2009-11-29"),("MV","2020-02-01"),("GM","2018-02-08"),("GA","2022-06-25"),("TG","2022-06-25")]
g("COMMONWEALTH","Commonwealth of Nations","英联邦",["Commonwealth","the Commonwealth","Commonwealth of Nations"],["英联邦国家"],["英聯邦"],cw)
g("CIS","Commonwealth of Independent States","独立国家联合体",["CIS"],["独联体"],["獨立國家國協","獨聯體"],
  same("AM AZ BY KZ KG MD RU TJ UZ","1991-12-21")+[("TM","1991-12-21","2005-08-26"),("GE","1993-12-03","2009-08-18")])
g("CSTO","Collective Security Treaty Organization","集体安全条约组织",["CSTO","Collective Security Treaty Organisation"],["集安组织","集安条约组织"],["集體安全條約組織"],
  same("AM BY KZ KG RU TJ","2002-10-07")+[("UZ","2006-08-16","2012-12-20")])
g("EAEU","Eurasian Economic Union","欧亚经济联盟",["EAEU","EEU","Eurasian Economic Union"],["欧亚经济联盟","欧亚经济委员会"],["歐亞經濟聯盟"],
  same("RU BY KZ","2015-01-01")+[("AM","2015-01-02"),("KG","2015-08-12")])
g("MERCOSUR","Mercosur","南方共同市场",["Mercosur","MERCOSUR","Southern Common Market","Mercosul"],["南共市"],["南方共同市場","南錐共同市場"],
  same("AR BR PY UY","1991-03-26")+[("VE","2012-07-31"),("BO","2024-07-08")])
g("ARCTIC-COUNCIL","Arctic Council","北极理事会",["the Arctic Council"],[],["北極理事會"],same("CA DK FI IS NO RU SE US","1996-09-19"))
g("SAARC","South Asian Association for Regional Cooperation","南亚区域合作联盟",["SAARC"],["南盟","南亚区域合作联盟(南盟)"],["南亞區域合作聯盟"],
  same("BD BT IN MV NP PK LK","1985-12-08")+[("AF","2007-04-03")])
g("BIMSTEC","Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation","环孟加拉湾多领域经济技术合作倡议",["BIMSTEC"],["环孟加拉湾倡议"],[],
  same("BD IN LK TH","1997-06-06")+[("MM","1997-12-22"),("NP","2004-02"),("BT","2004-02")])
g("RCEP","Regional Comprehensive Economic Partnership","区域全面经济伙伴关系协定",["RCEP","Regional Comprehensive Economic Partnership Agreement"],["RCEP","区域全面经济伙伴关系"],["區域全面經濟夥伴協定"],
  same("BN KH LA SG TH VN CN JP AU NZ","2022-01-01")+[("KR","2022-02-01"),("MY","2022-03-18"),("ID","2023-01-02"),("PH","2023-06-02")])
g("CPTPP","Comprehensive and Progressive Agreement for Trans-Pacific Partnership","全面与进步跨太平洋伙伴关系协定",["CPTPP","TPP-11"],["CPTPP","全面与进步跨太平洋伙伴关系","全面与进步的跨太平洋伙伴关系协定"],["跨太平洋夥伴全面進步協定"],
  same("AU CA JP MX NZ SG","2018-12-30")+[("VN","2019-01-14"),("PE","2021-09-19"),("MY","2022-11-29"),("CL","2023-02-21"),("BN","2023-07-12"),("GB","2024-12-15")])
