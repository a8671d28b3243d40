"""ISO 3166-1 alpha-3 → FIPS 10-4 (GDELT's geography codes) and Correlates of War numbers.

Used by the GDELT and POLECAT export layouts. Countries not listed fall back to ISO alpha-2
(FIPS, equal for many countries) and no COW code; docs/store.md says so.
"""

from __future__ import annotations

_TABLE = """
AFG AF 700|AGO AO 540|ALB AL 339|ARE AE 696|ARG AR 160|ARM AM 371|AUS AS 900|AUT AU 305
AZE AJ 373|BDI BY 516|BEL BE 211|BEN BN 434|BFA UV 439|BGD BG 771|BGR BU 355|BHR BA 692
BHS BF 31|BIH BK 346|BLR BO 370|BLZ BH 80|BOL BL 145|BRA BR 140|BWA BC 571|CAF CT 482
CAN CA 20|CHE SZ 225|CHL CI 155|CHN CH 710|CIV IV 437|CMR CM 471|COD CG 490|COG CF 484
COL CO 100|CRI CS 94|CUB CU 40|CYP CY 352|CZE EZ 316|DEU GM 255|DNK DA 390|DOM DR 42
DZA AG 615|ECU EC 130|EGY EG 651|ERI ER 531|ESP SP 230|EST EN 366|ETH ET 530|FIN FI 375
FRA FR 220|GAB GB 481|GBR UK 200|GEO GG 372|GHA GH 452|GIN GV 438|GMB GA 420|GRC GR 350
GTM GT 90|GUY GY 110|HND HO 91|HRV HR 344|HTI HA 41|HUN HU 310|IDN ID 850|IND IN 750
IRL EI 205|IRN IR 630|IRQ IZ 645|ISL IC 395|ISR IS 666|ITA IT 325|JAM JM 51|JOR JO 663
JPN JA 740|KAZ KZ 705|KEN KE 501|KGZ KG 703|KHM CB 811|KOR KS 732|KWT KU 690|LAO LA 812
LBN LE 660|LBR LI 450|LBY LY 620|LKA CE 780|LTU LH 368|LVA LG 367|MAR MO 600|MDA MD 359
MDG MA 580|MEX MX 70|MKD MK 343|MLI ML 432|MMR BM 775|MNE MJ 341|MNG MG 712|MOZ MZ 541
MRT MR 435|MWI MI 553|MYS MY 820|NAM WA 565|NER NG 436|NGA NI 475|NIC NU 93|NLD NL 210
NOR NO 385|NPL NP 790|NZL NZ 920|OMN MU 698|PAK PK 770|PAN PM 95|PER PE 135|PHL RP 840
PNG PP 910|POL PL 290|PRK KN 731|PRT PO 235|PRY PA 150|PSE WE -|QAT QA 694|ROU RO 360
RUS RS 365|RWA RW 517|SAU SA 670|SDN SU 625|SEN SG 433|SGP SN 830|SLE SL 451|SLV ES 92
SOM SO 520|SRB RI 345|SSD OD 626|SVK LO 317|SVN SI 349|SWE SW 380|SYR SY 652|TCD CD 483
TGO TO 461|THA TH 800|TJK TI 702|TKM TX 701|TUN TS 616|TUR TU 640|TWN TW 713|TZA TZ 510
UGA UG 500|UKR UP 369|URY UY 165|USA US 2|UZB UZ 704|VEN VE 101|VNM VM 816|XKX KV 347
YEM YM 679|ZAF SF 560|ZMB ZA 551|ZWE ZI 552
"""


def _parse(table: str) -> dict[str, tuple[str, int | None]]:
    codes: dict[str, tuple[str, int | None]] = {}
    for entry in table.replace("\n", "|").split("|"):
        if entry.strip():
            iso3, fips, cow = entry.split()
            codes[iso3] = (fips, None if cow == "-" else int(cow))
    return codes


CODES = _parse(_TABLE)


def fips_code(iso3: str | None) -> str | None:
    """GDELT's FIPS 10-4 country code for an ISO alpha-3 code, else the ISO alpha-2 code."""
    if not iso3:
        return None
    if iso3 in CODES:
        return CODES[iso3][0]
    return _alpha2(iso3)


def cow_code(iso3: str | None) -> int | None:
    """The Correlates of War state number, where the country has one and it is listed."""
    return CODES.get(iso3 or "", ("", None))[1]


def _alpha2(iso3: str) -> str | None:
    try:
        import pycountry
    except ModuleNotFoundError:
        return None
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None
