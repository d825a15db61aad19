"""Report gaps in office coverage 2012 to late 2025, and overlaps: for G20, ASEAN and LMC
countries, periods with no head of state (HS), head of government (HG) or
foreign minister (FM) in officials.json.  Expected gaps: presidential systems
have no HG; acting office-holders are mostly not listed.
Overlaps: two different people holding the same single-holder office in
one country for more than a month (usually a wrong date).
Usage: /usr/bin/python3 tools/gazetteer_coverage.py"""
import collections, datetime, json, os
O=json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'gazetteer', 'officials.json'), encoding='utf-8'))['officials']
HS={"President","King","Queen","Sultan","Emir","Emperor","Taiwan leader","Yang di-Pertuan Agong","Acting President","Supreme Leader","President of the State Affairs","Chief Executive","Transitional President","Pope"}
HG={"Prime Minister","Premier","Chancellor","Chairman of the State Administration Council","Chief Adviser","Premier of the Executive Yuan"}
FM={"Foreign Minister","Foreign Secretary","Secretary of State","Minister for Europe and Foreign Affairs","External Affairs Minister","Secretary of Foreign Affairs","Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation","Minister of Foreign Affairs and International Cooperation","Minister of International Relations and Cooperation","Acting Foreign Minister","Adviser to the Prime Minister on Foreign Affairs"}
def d(s,end=False):
    if s is None: return None
    p=s.split('-')
    y=int(p[0]); m=int(p[1]) if len(p)>1 else (12 if end else 1); dd=int(p[2]) if len(p)>2 else (28 if end else 1)
    return datetime.date(y,m,dd)
S=datetime.date(2012,1,1)
# The data was compiled with knowledge up to late 2025: an open office means
# "in office then", so gaps are reported up to that date, not today.
E=datetime.date(2025,11,27)
countries="AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US BN KH LA MY MM PH SG TH VN".split()
for c in countries:
    for name,cat in (("HS",HS),("HG",HG),("FM",FM)):
        iv=[]
        for o in O:
            if o["country"]!=c: continue
            for off in o["offices"]:
                if off["title_en"] in cat:
                    a=d(off.get("from")) or S; b=d(off.get("to"),True) or E
                    iv.append((a,b,o["id"]))
        iv.sort()
        gaps=[]; cur=S
        for a,b,_ in iv:
            if a>cur+datetime.timedelta(days=3): gaps.append((cur,a))
            cur=max(cur,b)
        if cur<E-datetime.timedelta(days=3): gaps.append((cur,E))
        if gaps: print(c,name,[(str(a),str(b)) for a,b in gaps])

# overlaps
by=collections.defaultdict(list)
for o in O:
    for off in o["offices"]:
        by[(o["country"],off["title_en"],off["title_zh"])].append((d(off.get("from")) or datetime.date(1900,1,1), d(off.get("to"),True) or datetime.date(2100,1,1), o["id"]))
multi={"Vice Premier","Deputy Prime Minister","State Councilor","Member of the Political Bureau of the CPC Central Committee","Member of the Standing Committee of the Political Bureau of the CPC Central Committee","Deputy Foreign Minister","Foreign Ministry Spokesperson","Ambassador","Senior Minister","Special Envoy","Vice Chairman of the Central Military Commission","Assistant Foreign Minister","Chief Executive","Permanent Representative to the United Nations","Acting President","Yang di-Pertuan Agong","Deputy Secretary of State","Ambassador to China","Vice President","Chancellor of the Exchequer","Special Representative","Assistant Secretary of State"}
for k,iv in sorted(by.items()):
    if k[1] in multi or len(iv)<2: continue
    iv.sort()
    for i in range(len(iv)):
        for j in range(i+1,len(iv)):
            a=iv[i]; b=iv[j]
            if a[2]==b[2]: continue
            ov=(min(a[1],b[1])-max(a[0],b[0])).days
            if ov>31: print(k[0],'overlap',k[1],a[2],b[2],ov,'days')
