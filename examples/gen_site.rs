//! Generates a synthetic areena site (and optionally the same content as a Hugo site)
//! for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_site -- --n 10000 --out /tmp/site \
//!     [--seed 1] [--search on|off] [--hugo /tmp/hugo-site]
//! ```
//!
//! Everything is fictional and deterministic for a given `--n` and `--seed`: names are
//! made of Finnish-like place stems and purposes, web and email addresses live under
//! `.example`, phone numbers are `+358 40 000 xxxx`, contact persons are obviously
//! made-up people. Municipalities are the real ones from `data/municipalities.tsv`,
//! weighted towards populous ones; about 70 % of the local organisations act in
//! Keski-Suomi. "Today" is 2026-11-23: `updated` dates fall within the year before it.
//! The output passes `AREENA_TODAY=2026-11-23 areena check` with no errors and no
//! warnings. Only the standard library is used.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const MUNICIPALITIES_TSV: &str = include_str!("../data/municipalities.tsv");
const REGION: &str = "Keski-Suomi";
/// The benchmark's "today" (year, month, day).
const TODAY: (i64, u32, u32) = (2026, 11, 23);

// ---------------------------------------------------------------------------------
// PRNG: SplitMix64

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// `k` distinct indices of `0..n` (k ≤ n), in drawing order.
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut seen = HashSet::with_capacity(k);
        let mut out = Vec::with_capacity(k);
        if k * 2 > n {
            let mut all: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = i + self.below(n - i);
                all.swap(i, j);
            }
            all.truncate(k);
            return all;
        }
        while out.len() < k {
            let i = self.below(n);
            if seen.insert(i) {
                out.push(i);
            }
        }
        out
    }
}

/// Cumulative weights for weighted picks.
struct Weighted {
    cum: Vec<f64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cum = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cum }
    }
    fn pick(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cum.last().copied().unwrap_or(0.0);
        self.cum.partition_point(|&c| c <= x).min(self.cum.len() - 1)
    }
    /// Up to `k` distinct picks.
    fn pick_distinct(&self, rng: &mut Rng, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut tries = 0;
        while out.len() < k && tries < k * 50 {
            let i = self.pick(rng);
            if !out.contains(&i) {
                out.push(i);
            }
            tries += 1;
        }
        out
    }
}

// ---------------------------------------------------------------------------------
// Dates (proleptic Gregorian, days since 1970-01-01)

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn date_str(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn today() -> i64 {
    days_from_civil(TODAY.0, TODAY.1, TODAY.2)
}

// ---------------------------------------------------------------------------------
// Vocabulary

struct Theme {
    id: &'static str,
    name: &'static str,
    genitive: &'static str,
    description: &'static str,
}

const THEMES: &[Theme] = &[
    Theme {
        id: "lapset-ja-perheet",
        name: "Lapset ja perheet",
        genitive: "lapsiperheiden",
        description: "Lapsiperheiden tuki, perhekahvilat, kerhot ja vanhempien vertaistuki",
    },
    Theme {
        id: "nuoret",
        name: "Nuoret",
        genitive: "nuorten",
        description: "Nuorisotilat, harrastukset, nuorten osallisuus ja tuki",
    },
    Theme {
        id: "ikaihmiset",
        name: "Ikäihmiset",
        genitive: "ikäihmisten",
        description: "Ikääntyneiden kohtaamispaikat, ystävätoiminta, kotona asumisen tuki",
    },
    Theme {
        id: "omaishoito",
        name: "Omaishoito",
        genitive: "omaishoidon",
        description: "Omaishoitajien vertaistuki, virkistys ja neuvonta",
    },
    Theme {
        id: "mielenterveys",
        name: "Mielenterveys",
        genitive: "mielenterveyden",
        description: "Mielenterveyden tuki, kriisiapu ja vertaisryhmät",
    },
    Theme {
        id: "liikunta",
        name: "Liikunta ja urheilu",
        genitive: "liikunnan",
        description: "Seurat, harrasteliikunta, ulkoilu ja kuntoilu",
    },
    Theme {
        id: "kulttuuri",
        name: "Kulttuuri",
        genitive: "kulttuurin",
        description: "Kuorot, teatterit, kotiseututyö ja taidetoiminta",
    },
    Theme {
        id: "ymparisto",
        name: "Ympäristö ja luonto",
        genitive: "ympäristön",
        description: "Luonnonsuojelu, vesistöt, retkeily ja lähiluonto",
    },
    Theme {
        id: "kylatoiminta",
        name: "Kylätoiminta",
        genitive: "kylien",
        description: "Kyläyhdistykset, kylätalot ja asukastoiminta",
    },
    Theme {
        id: "monikulttuurisuus",
        name: "Monikulttuurisuus",
        genitive: "monikulttuurisuuden",
        description: "Kotoutuminen, kielikahvilat ja kulttuurien kohtaaminen",
    },
    Theme {
        id: "tyollisyys",
        name: "Työllisyys",
        genitive: "työllisyyden",
        description: "Työttömien tuki, työpajat ja työllistämishankkeet",
    },
    Theme {
        id: "vapaaehtoistoiminta",
        name: "Vapaaehtoistoiminta",
        genitive: "vapaaehtoistoiminnan",
        description: "Vapaaehtoisten välitys, koulutus ja lähimmäisapu",
    },
];

/// First halves of place-like names.
const STEM_A: &[&str] = &[
    "Koivu", "Haapa", "Leppä", "Honka", "Tervo", "Kivi", "Hiekka", "Sammal", "Kaski", "Pihlaja", "Kataja", "Karhu",
    "Kurki", "Joutsen", "Kuikka", "Ahven", "Hauki", "Siika", "Lumi", "Tuuli", "Päivä", "Kuu", "Tähti", "Ilta", "Aamu",
    "Sini", "Vaski", "Kulta", "Hopea", "Terva", "Ruska", "Kesä", "Talvi", "Kevät", "Mänty", "Kuusi", "Pajun", "Raita",
    "Kaisla", "Kielo", "Vuokko", "Kanerva", "Puolukka", "Mustikka", "Lakka", "Kettu", "Ilves", "Hirvi", "Majava",
    "Kotka", "Pyy", "Teeri", "Metso", "Harmaa", "Valko", "Musta",
];

/// Second halves: (nominative, genitive).
const STEM_B: &[(&str, &str)] = &[
    ("niemi", "niemen"),
    ("järvi", "järven"),
    ("mäki", "mäen"),
    ("lahti", "lahden"),
    ("koski", "kosken"),
    ("saari", "saaren"),
    ("lampi", "lammen"),
    ("ranta", "rannan"),
    ("harju", "harjun"),
    ("korpi", "korven"),
    ("kangas", "kankaan"),
    ("kallio", "kallion"),
    ("vaara", "vaaran"),
    ("rinne", "rinteen"),
    ("suo", "suon"),
    ("salmi", "salmen"),
    ("lehto", "lehdon"),
    ("kylä", "kylän"),
    ("joki", "joen"),
    ("selkä", "selän"),
    ("vesi", "veden"),
    ("metsä", "metsän"),
    ("pelto", "pellon"),
    ("virta", "virran"),
    ("puro", "puron"),
    ("kumpu", "kummun"),
    ("notko", "notkon"),
    ("aho", "ahon"),
    ("nummi", "nummen"),
    ("vuori", "vuoren"),
];

const PREFIX: &[&str] = &["Ylä-", "Ala-", "Etelä-", "Pohjois-", "Itä-", "Länsi-", "Vanha-", "Uusi-"];

/// Purposes of associations: (name ending, main theme index, activities).
const PURPOSES: &[(&str, usize, &[&str])] = &[
    ("Kyläyhdistys ry", 8, &["Kylätalon ylläpito", "Kyläjuhlat", "Talkoot", "Kylän tiedotuslehti"]),
    ("Kyläseura ry", 8, &["Kesäjuhlat", "Pilkkikilpailut", "Kylätalon kahvila", "Talkoot"]),
    ("Kotiseutuyhdistys ry", 6, &["Kotiseutumuseo", "Perinnepäivät", "Kyläkirjan toimitus"]),
    ("Asukasyhdistys ry", 8, &["Asukasillat", "Pihatalkoot", "Asukastupa"]),
    ("Omaishoitajat ry", 3, &["Vertaistukiryhmä omaishoitajille", "Virkistyspäivät", "Omaishoitajien neuvonta"]),
    ("Omaisyhdistys ry", 3, &["Vertaistukiryhmä", "Luennot", "Virkistysretket"]),
    ("Eläkeläiset ry", 2, &["Kerhopäivät", "Teatterimatkat", "Tanssit", "Kuntosalivuorot"]),
    ("Senioriyhdistys ry", 2, &["Ystäväpiiri", "Tietotekniikkaopastus", "Kävelyryhmä"]),
    ("Nuorisoseura ry", 1, &["Nuorisotalo", "Teatterikerho", "Kesäleirit"]),
    ("Nuorten Kipinä ry", 1, &["Harrastekerhot", "Nuorisoillat", "Bänditoiminta"]),
    ("Perhekerho ry", 0, &["Perhekahvila", "Vauvaryhmä", "Perheretket"]),
    ("Perheyhdistys ry", 0, &["Perhekahvila", "Kerhot lapsille", "Vanhempien vertaistuki"]),
    ("Urheiluseura ry", 5, &["Jalkapallo", "Hiihtokoulu", "Yleisurheilukoulu", "Kuntosali"]),
    ("Latu ry", 5, &["Latujen kunnossapito", "Retkiluistelu", "Hiihtoretket"]),
    ("Liikkujat ry", 5, &["Kävelyryhmät", "Kuntojumppa", "Sauvakävely"]),
    ("Luonnonystävät ry", 7, &["Luontoretket", "Lintulaskennat", "Luontokoulu"]),
    ("Vesiensuojeluyhdistys ry", 7, &["Vedenlaadun seuranta", "Niittotalkoot", "Kalastuskurssit"]),
    ("Mielenterveysseura ry", 4, &["Kriisipuhelin", "Vertaisryhmät", "Mielenterveyden ensiapukurssit"]),
    ("Mielen Tuki ry", 4, &["Kohtaamispaikka", "Vertaistuki", "Luovat ryhmät"]),
    ("Kulttuuriyhdistys ry", 6, &["Konsertit", "Taidenäyttelyt", "Kirjallisuusillat"]),
    ("Teatteriyhdistys ry", 6, &["Kesäteatteri", "Teatterikurssit", "Lastennäytelmät"]),
    ("Kuoro ry", 6, &["Kuoroharjoitukset", "Joulukonsertti", "Laulumatkat"]),
    ("Monikulttuurinen yhdistys ry", 9, &["Kielikahvila", "Läksykerho", "Kulttuuri-illat"]),
    ("Kotoutumisen tuki ry", 9, &["Suomen kielen kerho", "Asiointiapu", "Ystävätoiminta"]),
    ("Työttömät ry", 10, &["Työnhakukahvila", "Ruokailu", "Työkokeilut"]),
    ("Työpaja ry", 10, &["Puutyöpaja", "Kierrätysmyymälä", "Työvalmennus"]),
    ("Vapaaehtoiset ry", 11, &["Vapaaehtoisten välitys", "Koulutukset", "Ystäväkäynnit"]),
    ("Lähimmäispalvelu ry", 11, &["Saattoapu", "Asiointiapu", "Puhelinystävät"]),
    ("Marttayhdistys ry", 0, &["Ruokakurssit", "Kotitalousneuvonta", "Puutarhakerho"]),
    ("Seura ry", 8, &["Kokoontumiset", "Retket", "Juhlat"]),
];

const FOUNDATION_ENDS: &[(&str, usize)] = &[
    ("Nuorisosäätiö sr", 1),
    ("Kulttuurisäätiö sr", 6),
    ("Vanhustensäätiö sr", 2),
    ("Lapsisäätiö sr", 0),
    ("Luontosäätiö sr", 7),
    ("Työpajasäätiö sr", 10),
];
const FEDERATION_ENDS: &[(&str, usize)] = &[
    ("seudun Järjestöliitto ry", 11),
    ("seudun Kyläliitto ry", 8),
    ("seudun Liikuntaliitto ry", 5),
    ("seudun Omaisliitto ry", 3),
];
const COOP_ENDS: &[(&str, usize)] =
    &[("Palvelu", 10), ("Kylätalo", 8), ("Työ", 10), ("Hoiva", 2), ("Kulttuuripaja", 6), ("Lähiruoka", 8)];
const INFORMAL_ENDS: &[(&str, usize)] = &[
    ("lukupiiri", 6),
    ("kävelyporukka", 5),
    ("vertaisryhmä", 4),
    ("perhekahvila", 0),
    ("talkooporukka", 8),
    ("kielikahvila", 9),
];
const OTHER_ENDS: &[(&str, usize)] = &[("Kylätalo", 8), ("Kohtaamispaikka", 4), ("Toimintakeskus", 11)];

const FIRST_NAMES: &[&str] = &[
    "Maija", "Matti", "Teija", "Niina", "Kalle", "Outi", "Pekka", "Sanna", "Ville", "Liisa", "Jussi", "Anna", "Eero",
    "Ritva", "Tuomas", "Helmi",
];
const LAST_NAMES: &[&str] = &[
    "Meikäläinen",
    "Esimerkki",
    "Testaaja",
    "Näyte",
    "Kuvitteellinen",
    "Oletus",
    "Malli",
    "Sepitetty",
    "Testinen",
    "Keksitty",
    "Mallinen",
    "Harjoitus",
];
const ROLES: &[&str] = &["puheenjohtaja", "sihteeri", "toiminnanjohtaja", "rahastonhoitaja", "koordinaattori"];
const STREETS: &[&str] = &[
    "Kauppakatu",
    "Koulutie",
    "Kirkkotie",
    "Rantatie",
    "Myllytie",
    "Asematie",
    "Puistokatu",
    "Kylätie",
    "Koivukuja",
    "Torikatu",
];

const PARTITIVE_PL: &[&str] = &[
    "kerhoja",
    "retkiä",
    "koulutuksia",
    "vertaistukiryhmiä",
    "tapahtumia",
    "talkoita",
    "liikuntavuoroja",
    "kursseja",
    "konsertteja",
    "näyttelyitä",
    "leirejä",
    "luentoja",
    "virkistyspäiviä",
    "ystäväkäyntejä",
    "keskustelutilaisuuksia",
    "opintopiirejä",
    "kävelyretkiä",
    "iltapäiväkerhoja",
    "teemailtoja",
    "työpajoja",
];
const NOM_PL: &[&str] = &[
    "kerhot",
    "retket",
    "vertaisryhmät",
    "kesätapahtumat",
    "talkoot",
    "liikuntavuorot",
    "kurssit",
    "konsertit",
    "leirit",
    "luennot",
    "virkistyspäivät",
    "ystäväkäynnit",
    "opintopiirit",
    "kahvilat",
    "työpajat",
    "juhlat",
];
const WEEKDAYS: &[&str] =
    &["maanantaisin", "tiistaisin", "keskiviikkoisin", "torstaisin", "perjantaisin", "lauantaisin"];
const PLACES: &[&str] = &[
    "seurakuntatalolla",
    "kylätalolla",
    "kirjaston kokoushuoneessa",
    "koulun liikuntasalissa",
    "kansalaisopiston tiloissa",
    "nuorisotalolla",
    "palvelukeskuksessa",
    "toimistollamme",
    "kerhohuoneellamme",
    "urheilukentällä",
    "kunnantalon valtuustosalissa",
    "rantasaunalla",
];
const GOALS: &[&str] = &[
    "edistää asukkaiden hyvinvointia",
    "tukea omaishoitajia arjessa",
    "vahvistaa yhteisöllisyyttä",
    "suojella lähiluontoa",
    "tarjota mielekästä tekemistä nuorille",
    "ylläpitää kylän perinteitä",
    "lisätä liikkumista kaikenikäisille",
    "auttaa maahan muuttaneita kotoutumaan",
    "vähentää yksinäisyyttä",
    "parantaa työttömien toimeentuloa ja osallisuutta",
    "tuoda kulttuuria lähelle ihmisiä",
];
const ADJECTIVES: &[&str] = &[
    "paikallinen",
    "aktiivinen",
    "pieni mutta pippurinen",
    "vapaaehtoisvoimin toimiva",
    "poliittisesti ja uskonnollisesti sitoutumaton",
    "perinteikäs",
    "kasvava",
    "avoin ja yhteisöllinen",
];
const EVENTS: &[&str] = &[
    "kesäjuhlan",
    "joulumyyjäiset",
    "syystapahtuman",
    "avoimet ovet",
    "teemapäivän",
    "kyläjuhlat",
    "retkipäivän",
    "hyvinvointimessut",
];
const WHO: &[&str] = &[
    "jäsenet, vapaaehtoiset ja yhteistyökumppanit",
    "kaikenikäiset kyläläiset",
    "lapsiperheet ja isovanhemmat",
    "alueen järjestöt ja kunnan työntekijät",
    "uudet ja vanhat asukkaat",
];
const VOCAB: &[&str] = &[
    "arki",
    "yhteisö",
    "hyvinvointi",
    "osallisuus",
    "lähiluonto",
    "kotiseutu",
    "kulttuuriperintö",
    "vertaistuki",
    "vapaaehtoisuus",
    "kohtaaminen",
    "liikunta",
    "terveys",
    "ystävyys",
    "turvallisuus",
    "ympäristö",
    "kestävyys",
    "kylätalo",
    "talkoohenki",
    "naapuriapu",
    "perinne",
    "yhdenvertaisuus",
    "saavutettavuus",
    "harrastus",
    "elinvoima",
    "yrittäjyys",
    "koulutus",
    "kieli",
    "lukutaito",
    "digitaidot",
    "ruokakulttuuri",
    "puutarha",
    "metsä",
    "vesistö",
    "kalastus",
    "marjastus",
    "retkeily",
    "musiikki",
    "teatteri",
    "käsityöt",
    "tanssi",
    "lukupiiri",
    "historia",
    "kyläsuunnitelma",
    "tiedotus",
    "rahoitus",
    "avustukset",
    "hankkeet",
    "verkostot",
];
const DECISIONS: &[&str] = &[
    "Hyväksyttiin toimintasuunnitelma ja talousarvio",
    "Perustetaan työryhmä valmistelemaan syksyn tapahtumaa",
    "Järjestöavustusten hakuohjeet lähetetään jäsenille",
    "Seuraavan kokouksen teemaksi valittiin vapaaehtoisten jaksaminen",
    "Kumppanuuspöytä antaa lausunnon hyvinvointisuunnitelmasta",
    "Kootaan kuntakohtainen katsaus järjestöjen tiloista",
    "Valittiin pöydälle uusi varapuheenjohtaja",
    "Käynnistetään yhteinen viestintäkampanja",
    "Hyväksyttiin edellisen kokouksen muistio",
    "Pyydetään hyvinvointialueelta esittely palveluohjauksesta",
];
const OTHER_ATTENDEES: &[&str] = &[
    "Keski-Suomen liitto",
    "Keski-Suomen hyvinvointialue",
    "Jyväskylän kaupunki",
    "Äänekosken kaupunki",
    "Jämsän kaupunki",
    "Laukaan kunta",
    "Keski-Suomen ELY-keskus",
];

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut hyphen = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
            hyphen = false;
        } else if !hyphen && !out.is_empty() {
            out.push('-');
            hyphen = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn qlist<S: AsRef<str>>(xs: &[S]) -> String {
    let items: Vec<String> = xs.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

// ---------------------------------------------------------------------------------
// Model

struct Municipality {
    name: String,
    in_region: bool,
}

fn municipalities() -> Vec<Municipality> {
    MUNICIPALITIES_TSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Municipality { name: cols[1].to_string(), in_region: cols[4] == REGION }
        })
        .collect()
}

/// Rough relative weight (population-like) of a municipality.
fn weight(name: &str) -> f64 {
    match name {
        "Helsinki" => 60.0,
        "Espoo" => 30.0,
        "Tampere" => 25.0,
        "Vantaa" => 24.0,
        "Oulu" => 21.0,
        "Turku" => 20.0,
        "Jyväskylä" => 40.0,
        "Lahti" | "Kuopio" => 12.0,
        "Pori" | "Kouvola" | "Joensuu" => 8.0,
        "Lappeenranta" | "Hämeenlinna" | "Vaasa" => 7.0,
        "Seinäjoki" | "Rovaniemi" => 6.0,
        "Mikkeli" | "Kotka" | "Salo" | "Porvoo" | "Kokkola" | "Hyvinkää" | "Lohja" => 5.0,
        "Järvenpää" | "Nurmijärvi" | "Rauma" | "Kirkkonummi" | "Tuusula" | "Kajaani" | "Kerava" => 4.0,
        "Äänekoski" | "Jämsä" | "Laukaa" => 5.0,
        "Muurame" | "Keuruu" | "Saarijärvi" | "Viitasaari" => 2.5,
        _ => 1.0,
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Association,
    Federation,
    Foundation,
    Cooperative,
    Informal,
    Other,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Association => "association",
            Kind::Federation => "federation",
            Kind::Foundation => "foundation",
            Kind::Cooperative => "cooperative",
            Kind::Informal => "informal",
            Kind::Other => "other",
        }
    }
}

struct Org {
    slug: String,
    name: String,
    short_name: Option<String>,
    kind: Kind,
    business_id: Option<String>,
    register_number: Option<String>,
    founded: Option<i64>,
    themes: Vec<usize>,
    municipalities: Vec<String>,
    regions: Vec<String>,
    nationwide: bool,
    networks: Vec<String>,
    activities: Vec<String>,
    languages: Vec<&'static str>,
    website: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    updated: Option<i64>,
    address: Option<(String, String, String)>,
    contact: Option<Contact>,
    body: String,
}

struct Contact {
    name: String,
    role: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

struct Network {
    slug: String,
    name: String,
    kind: &'static str,
    coordinator: Option<String>,
    members: Vec<String>,
    themes: Vec<usize>,
    email: String,
    contact: Option<Contact>,
    body: String,
}

struct Table {
    slug: String,
    name: String,
    convener: Option<String>,
    public_partners: Vec<String>,
    members: Vec<String>,
    themes: Vec<usize>,
    founded: i64,
    meets: &'static str,
    contact: Option<Contact>,
    body: String,
    notes: Vec<Note>,
}

struct Note {
    file_stem: String,
    title: String,
    date: i64,
    kind: &'static str,
    attendees: Vec<String>,
    other_attendees: Vec<String>,
    decisions: Vec<String>,
    next_meeting: Option<i64>,
    body: String,
}

/// A valid Y-tunnus that has not been used yet.
fn business_id(rng: &mut Rng, used: &mut HashSet<u32>) -> String {
    const W: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
    loop {
        let base = rng.range(100_000, 3_399_999) as u32;
        let digits: Vec<u32> = format!("{base:07}").bytes().map(|b| (b - b'0') as u32).collect();
        let r = digits.iter().zip(W).map(|(d, w)| d * w).sum::<u32>() % 11;
        let check = match r {
            0 => 0,
            1 => continue,
            r => 11 - r,
        };
        if used.insert(base) {
            return format!("{base:07}-{check}");
        }
    }
}

fn phone(rng: &mut Rng) -> String {
    format!("+358 40 000 {:04}", rng.below(10_000))
}

fn person(rng: &mut Rng, domain: &str) -> Contact {
    let first = *rng.pick(FIRST_NAMES);
    let last = *rng.pick(LAST_NAMES);
    Contact {
        name: format!("{first} {last}"),
        role: rng.chance(0.7).then(|| rng.pick(ROLES).to_string()),
        email: rng.chance(0.5).then(|| format!("{}@{domain}", fold(first))),
        phone: rng.chance(0.5).then(|| phone(rng)),
    }
}

fn place_stem(rng: &mut Rng) -> (String, String) {
    let a = *rng.pick(STEM_A);
    let (b, bg) = *rng.pick(STEM_B);
    let prefix = if rng.chance(0.15) { *rng.pick(PREFIX) } else { "" };
    let nom = format!("{prefix}{a}{b}");
    let genitive_stem = format!("{prefix}{a}{bg}");
    (nom, genitive_stem)
}

/// A sentence of the organisation description.
fn org_sentence(rng: &mut Rng, name: &str, founded: Option<i64>) -> String {
    match rng.below(12) {
        0 => format!(
            "{name} järjestää {} ja {} koko toiminta-alueellaan.",
            rng.pick(PARTITIVE_PL),
            rng.pick(PARTITIVE_PL)
        ),
        1 => format!(
            "Toimintaamme kuuluvat {} sekä {}, joihin kaikki ovat tervetulleita.",
            rng.pick(NOM_PL),
            rng.pick(NOM_PL)
        ),
        2 => format!("Tapaamme {} {}.", rng.pick(WEEKDAYS), rng.pick(PLACES)),
        3 => format!(
            "Vapaaehtoisemme järjestävät {} ja tarjoavat {} kaikenikäisille.",
            rng.pick(PARTITIVE_PL),
            rng.pick(PARTITIVE_PL)
        ),
        4 => "Teemme yhteistyötä kunnan, hyvinvointialueen ja muiden järjestöjen kanssa.".to_string(),
        5 => match founded {
            Some(y) => format!(
                "Vuonna {y} perustettu yhdistys on {}, ja sen tavoitteena on {}.",
                rng.pick(ADJECTIVES),
                rng.pick(GOALS)
            ),
            None => format!("Olemme {} ryhmä, jonka tavoitteena on {}.", rng.pick(ADJECTIVES), rng.pick(GOALS)),
        },
        6 => format!("Jäseniä on noin {}, ja uudet jäsenet ovat aina tervetulleita mukaan.", rng.range(12, 900)),
        7 => format!("Kerran vuodessa järjestämme {}, joka kokoaa yhteen {}.", rng.pick(EVENTS), rng.pick(WHO)),
        8 => format!(
            "Keskustelemme usein aiheista kuten {}, {} ja {}.",
            rng.pick(VOCAB),
            rng.pick(VOCAB),
            rng.pick(VOCAB)
        ),
        9 => format!(
            "Toimintaa rahoittavat jäsenmaksut, kunnan avustukset ja {}.",
            ["tapahtumien tuotot", "säätiöiden apurahat", "lahjoitukset", "hankerahoitus"][rng.below(4)]
        ),
        10 => format!("Tärkeintä meille on {} ja {}.", rng.pick(VOCAB), rng.pick(VOCAB)),
        _ => format!(
            "Toiminta on maksutonta, eikä mukaan tuleminen edellytä jäsenyyttä; {} tavoitteena on {}.",
            "yhdistyksen",
            rng.pick(GOALS)
        ),
    }
}

fn paragraph(rng: &mut Rng, name: &str, founded: Option<i64>, words: usize) -> String {
    let mut p = String::new();
    let mut n = 0;
    while n < words {
        let s = org_sentence(rng, name, founded);
        n += s.split_whitespace().count();
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&s);
    }
    p
}

fn org_body(rng: &mut Rng, o: &Org) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "{}\n", paragraph(rng, &o.name, o.founded, 60));
    let _ = writeln!(b, "## Toimintamme\n");
    let _ = writeln!(b, "{}\n", paragraph(rng, &o.name, o.founded, 55));
    let items = rng.range(3, 6) as usize;
    for _ in 0..items {
        let _ = writeln!(
            b,
            "- {} {}",
            upper_first(rng.pick::<&str>(NOM_PL)),
            [
                "ovat avoimia kaikille",
                "kokoontuvat viikoittain",
                "ovat maksuttomia",
                "jatkuvat syksyllä",
                "tarvitsevat vapaaehtoisia"
            ][rng.below(5)]
        );
    }
    b.push('\n');
    let _ = writeln!(
        b,
        "{} Lisätietoa toiminnastamme löydät [verkkosivuiltamme](https://{}.example/toiminta), jossa on myös ajankohtainen tapahtumakalenteri.\n",
        paragraph(rng, &o.name, o.founded, 50),
        o.slug
    );
    let _ = writeln!(b, "{}", paragraph(rng, &o.name, o.founded, 45));
    b
}

fn generic_paragraph(rng: &mut Rng, words: usize, subject: &str) -> String {
    let mut p = String::new();
    let mut n = 0;
    while n < words {
        let s = match rng.below(7) {
            0 => format!("{subject} kokoaa yhteen {} ja sopii yhteisistä tavoitteista.", rng.pick(WHO)),
            1 => {
                format!("Keskustelussa nousivat esiin {}, {} ja {}.", rng.pick(VOCAB), rng.pick(VOCAB), rng.pick(VOCAB))
            }
            2 => format!(
                "Jäsenet esittelivät ajankohtaisia {} ja kertoivat tulevista {}.",
                rng.pick(PARTITIVE_PL),
                rng.pick(PARTITIVE_PL)
            ),
            3 => "Todettiin, että yhteistyö kunnan ja hyvinvointialueen kanssa on edennyt hyvin.".to_string(),
            4 => format!("Tavoitteena on {} ja vahvistaa järjestöjen ääntä päätöksenteossa.", rng.pick(GOALS)),
            5 => format!("Seuraavaksi valmistellaan {} yhdessä jäsenjärjestöjen kanssa.", rng.pick(EVENTS)),
            _ => format!(
                "Kokouksessa sovittiin, että {} ja {} otetaan esille myös ensi kerralla.",
                rng.pick(VOCAB),
                rng.pick(VOCAB)
            ),
        };
        n += s.split_whitespace().count();
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&s);
    }
    p
}

struct Site {
    orgs: Vec<Org>,
    networks: Vec<Network>,
    tables: Vec<Table>,
}

fn unique_slug(base: &str, used: &mut HashSet<String>) -> String {
    if used.insert(base.to_string()) {
        return base.to_string();
    }
    let mut i = 2;
    loop {
        let s = format!("{base}-{i}");
        if used.insert(s.clone()) {
            return s;
        }
        i += 1;
    }
}

// Long on purpose: the generator makes every kind of entity in one seeded sequence, so that a seed always gives the same site.
#[allow(clippy::too_many_lines)]
fn generate(n: usize, seed: u64) -> Site {
    let mut rng = Rng::new(seed);
    let munis = municipalities();
    let region: Vec<&Municipality> = munis.iter().filter(|m| m.in_region).collect();
    let other: Vec<&Municipality> = munis.iter().filter(|m| !m.in_region).collect();
    let w_region = Weighted::new(region.iter().map(|m| weight(&m.name)));
    let w_other = Weighted::new(other.iter().map(|m| weight(&m.name)));
    let big_cities = ["Helsinki", "Tampere", "Jyväskylä", "Turku", "Oulu"];
    let kinds = Weighted::new([78.0, 4.0, 6.0, 4.0, 6.0, 2.0]);
    let languages: &[(&[&str], f64)] = &[
        (&["fi"], 75.0),
        (&["fi", "sv"], 8.0),
        (&["fi", "en"], 6.0),
        (&["fi", "ru"], 3.0),
        (&["fi", "ar"], 2.0),
        (&["fi", "uk"], 2.0),
        (&["fi", "sv", "en"], 2.0),
        (&["fi", "so"], 1.0),
        (&["fi", "et"], 1.0),
    ];
    let w_lang = Weighted::new(languages.iter().map(|l| l.1));
    let n_munis = Weighted::new([55.0, 25.0, 12.0, 8.0]);
    let today = today();

    let mut used_slugs = HashSet::with_capacity(n);
    let mut used_ids = HashSet::with_capacity(n);
    let mut orgs = Vec::with_capacity(n);
    for _ in 0..n {
        let (nom, genitive_stem) = place_stem(&mut rng);
        let kind = match kinds.pick(&mut rng) {
            0 => Kind::Association,
            1 => Kind::Federation,
            2 => Kind::Foundation,
            3 => Kind::Cooperative,
            4 => Kind::Informal,
            _ => Kind::Other,
        };
        let (name, main_theme, mut activities): (String, usize, Vec<String>) = match kind {
            Kind::Association => {
                let (end, t, acts) = *rng.pick(PURPOSES);
                let k = rng.range(1, acts.len() as i64) as usize;
                let picked = rng.distinct(acts.len(), k).into_iter().map(|i| acts[i].to_string()).collect();
                (format!("{genitive_stem} {end}"), t, picked)
            }
            Kind::Federation => {
                let (end, t) = *rng.pick(FEDERATION_ENDS);
                (format!("{genitive_stem} {end}"), t, vec!["Jäsenjärjestöjen tuki".into(), "Koulutukset".into()])
            }
            Kind::Foundation => {
                let (end, t) = *rng.pick(FOUNDATION_ENDS);
                (format!("{genitive_stem} {end}"), t, vec!["Apurahat".into(), "Hankkeet".into()])
            }
            Kind::Cooperative => {
                let (end, t) = *rng.pick(COOP_ENDS);
                (format!("Osuuskunta {nom} {end}"), t, vec!["Palvelut jäsenille".into()])
            }
            Kind::Informal => {
                let (end, t) = *rng.pick(INFORMAL_ENDS);
                (format!("{genitive_stem} {end}"), t, vec![upper_first(end)])
            }
            Kind::Other => {
                let (end, t) = *rng.pick(OTHER_ENDS);
                (format!("{genitive_stem} {end}"), t, vec!["Tilojen vuokraus".into(), "Avoimet illat".into()])
            }
        };
        if rng.chance(0.3) {
            activities.push(
                format!("{} {}", upper_first(rng.pick::<&str>(VOCAB)), ["-ilta", "-kurssi", "-ryhmä"][rng.below(3)])
                    .replace(" -", "-"),
            );
        }
        let slug = unique_slug(&fold(&name), &mut used_slugs);
        // A second organisation of the same name is told apart, as areena asks.
        let name = match slug.strip_prefix(&fold(&name)).and_then(|s| s.strip_prefix('-')) {
            Some(n) => format!("{name}, osasto {n}"),
            None => name,
        };

        let mut themes = vec![main_theme];
        let extra = rng.below(3);
        for _ in 0..extra {
            let t = rng.below(THEMES.len());
            if !themes.contains(&t) {
                themes.push(t);
            }
        }

        let mut municipalities = Vec::new();
        let mut regions = Vec::new();
        let mut nationwide = false;
        let r = rng.unit();
        if r < 0.03 {
            nationwide = true;
            if rng.chance(0.5) {
                municipalities.push(rng.pick(&big_cities).to_string());
            }
        } else if r < 0.08 {
            regions.push(REGION.to_string());
            if rng.chance(0.4) {
                municipalities.push(region[w_region.pick(&mut rng)].name.clone());
            }
        } else {
            let k = n_munis.pick(&mut rng) + 1;
            if rng.chance(0.7) {
                for i in w_region.pick_distinct(&mut rng, k) {
                    municipalities.push(region[i].name.clone());
                }
            } else {
                for i in w_other.pick_distinct(&mut rng, k) {
                    municipalities.push(other[i].name.clone());
                }
            }
        }

        let domain = format!("{slug}.example");
        let business_id =
            (rng.chance(0.85) && !matches!(kind, Kind::Informal)).then(|| business_id(&mut rng, &mut used_ids));
        let register_number = (matches!(kind, Kind::Association) && rng.chance(0.3))
            .then(|| format!("{}.{:03}", rng.range(100, 220), rng.below(1000)));
        let founded = (!matches!(kind, Kind::Informal) || rng.chance(0.3))
            .then(|| if rng.chance(0.3) { rng.range(1880, 1960) } else { rng.range(1960, 2025) });
        let lang = languages[w_lang.pick(&mut rng)].0.to_vec();
        let city = municipalities.first().cloned().unwrap_or_else(|| "Jyväskylä".to_string());
        let address = rng.chance(0.4).then(|| {
            (
                format!("{} {}", rng.pick(STREETS), rng.range(1, 60)),
                format!("{:05}", rng.range(100, 99_999)),
                city.clone(),
            )
        });
        let contact = rng.chance(0.5).then(|| person(&mut rng, &domain));
        let mut org = Org {
            short_name: rng.chance(0.15).then(|| name.trim_end_matches(" ry").trim_end_matches(" sr").to_string()),
            slug,
            name,
            kind,
            business_id,
            register_number,
            founded,
            themes,
            municipalities,
            regions,
            nationwide,
            networks: Vec::new(),
            activities: if rng.chance(0.9) { activities } else { Vec::new() },
            languages: lang,
            website: rng.chance(0.8).then(|| format!("https://{domain}")),
            email: rng.chance(0.85).then(|| format!("info@{domain}")),
            phone: rng.chance(0.6).then(|| phone(&mut rng)),
            updated: rng.chance(0.9).then(|| today - rng.range(0, 364)),
            address,
            contact,
            body: String::new(),
        };
        org.body = org_body(&mut rng, &org);
        orgs.push(org);
    }

    // Networks
    let net_kinds: &[(&str, &str)] = &[
        ("teemaryhmä", "theme-group"),
        ("paikallisverkosto", "local-network"),
        ("järjestöverkosto", "regional-federation"),
        ("yhteistyöverkosto", "other"),
    ];
    let n_networks = (n / 50).max(1);
    let mut used_net = HashSet::new();
    let mut networks = Vec::with_capacity(n_networks);
    for _ in 0..n_networks {
        let (_, genitive_stem) = place_stem(&mut rng);
        let t = rng.below(THEMES.len());
        let (word, kind) = *rng.pick(net_kinds);
        let name = format!("{genitive_stem} seudun {} {word}", THEMES[t].genitive);
        let slug = unique_slug(&fold(&name), &mut used_net);
        let k = rng.range(5, 40) as usize;
        let member_ix = rng.distinct(orgs.len(), k);
        let members: Vec<String> = member_ix.iter().map(|&i| orgs[i].slug.clone()).collect();
        let coordinator = members.first().cloned();
        // Some members also name the network themselves (the union is the same set).
        for &i in &member_ix {
            if rng.chance(0.1) && !orgs[i].networks.contains(&slug) {
                orgs[i].networks.push(slug.clone());
            }
        }
        let mut themes = vec![t];
        if rng.chance(0.3) {
            let t2 = rng.below(THEMES.len());
            if t2 != t {
                themes.push(t2);
            }
        }
        let domain = format!("{slug}.example");
        let body = format!(
            "{}\n\n## Mukana verkostossa\n\nVerkoston jäsenet tapaavat muutaman kerran vuodessa. {}\n",
            generic_paragraph(&mut rng, 60, &upper_first(&name)),
            generic_paragraph(&mut rng, 40, "Verkosto")
        );
        networks.push(Network {
            contact: rng.chance(0.6).then(|| person(&mut rng, &domain)),
            email: format!("verkosto@{domain}"),
            slug,
            name: upper_first(&name),
            kind,
            coordinator,
            members,
            themes,
            body,
        });
    }

    // Partnership tables
    let n_tables = (n / 200).max(1);
    let mut used_tables = HashSet::new();
    let mut tables = Vec::with_capacity(n_tables);
    let first_day = days_from_civil(2023, 1, 1);
    let last_day = today - 3;
    for _ in 0..n_tables {
        let (_, genitive_stem) = place_stem(&mut rng);
        let t = rng.below(THEMES.len());
        let name = format!("{genitive_stem} seudun {} kumppanuuspöytä", THEMES[t].genitive);
        let slug = unique_slug(&fold(&name), &mut used_tables);
        let k = rng.range(5, 30) as usize;
        let members: Vec<String> = rng.distinct(orgs.len(), k).into_iter().map(|i| orgs[i].slug.clone()).collect();
        let convener = if rng.chance(0.5) {
            Some(networks[rng.below(networks.len())].slug.clone())
        } else {
            Some(members[0].clone())
        };
        let mut partners = vec!["Keski-Suomen liitto".to_string()];
        if rng.chance(0.6) {
            partners.push("Keski-Suomen hyvinvointialue".into());
        }
        partners.push(rng.pick(&OTHER_ATTENDEES[2..6]).to_string());
        let founded = days_from_civil(rng.range(2012, 2022), rng.range(1, 12) as u32, rng.range(1, 28) as u32);

        let n_notes = rng.range(3, 12) as usize;
        let mut days: Vec<i64> =
            rng.distinct((last_day - first_day) as usize, n_notes).into_iter().map(|d| first_day + d as i64).collect();
        days.sort();
        let mut notes = Vec::with_capacity(n_notes);
        let mut per_year = std::collections::HashMap::new();
        for (i, &day) in days.iter().enumerate() {
            let (year, _, _) = civil_from_days(day);
            let (kind, word, title) = match rng.below(10) {
                0 => ("agenda", "esityslista", "Esityslista"),
                1 => ("summary", "yhteenveto", "Yhteenveto"),
                2 => ("announcement", "tiedote", "Tiedote"),
                _ => ("minutes", "kokous", "Kokous"),
            };
            let c = per_year.entry((year, word)).or_insert(0);
            *c += 1;
            let file_stem = format!("{}-{word}-{c}-{year}", date_str(day));
            let k = rng.range(2, 8) as usize;
            let attendees = rng.distinct(members.len(), k).into_iter().map(|i| members[i].clone()).collect();
            let k_others = rng.range(0, 3) as usize;
            let others = rng.distinct(OTHER_ATTENDEES.len(), k_others);
            let k_decisions = rng.range(1, 4) as usize;
            let decisions = rng.distinct(DECISIONS.len(), k_decisions);
            let body = format!(
                "{}\n\n## Käsitellyt asiat\n\n{}\n",
                generic_paragraph(&mut rng, 75, "Kumppanuuspöytä"),
                generic_paragraph(&mut rng, 70, "Pöytä")
            );
            notes.push(Note {
                title: format!("{title} {c}/{year}"),
                file_stem,
                date: day,
                kind,
                attendees,
                other_attendees: others.into_iter().map(|i| OTHER_ATTENDEES[i].to_string()).collect(),
                decisions: decisions.into_iter().map(|i| DECISIONS[i].to_string()).collect(),
                next_meeting: days.get(i + 1).copied(),
                body,
            });
        }
        let domain = format!("{slug}.example");
        let body = format!(
            "{}\n\n## Kuka voi liittyä\n\n{}\n",
            generic_paragraph(&mut rng, 60, &upper_first(&name)),
            generic_paragraph(&mut rng, 40, "Pöytä")
        );
        tables.push(Table {
            contact: rng.chance(0.7).then(|| person(&mut rng, &domain)),
            slug,
            name: upper_first(&name),
            convener,
            public_partners: partners,
            members,
            themes: vec![t],
            founded,
            meets: rng.pick::<&str>(&[
                "4 kertaa vuodessa",
                "kerran kuukaudessa",
                "noin kuuden viikon välein",
                "2 kertaa vuodessa",
            ]),
            body,
            notes,
        });
    }

    Site { orgs, networks, tables }
}

// ---------------------------------------------------------------------------------
// Writing

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    let mut f = BufWriter::new(fs::File::create(path)?);
    f.write_all(text.as_bytes())?;
    f.flush()
}

fn contact_toml(s: &mut String, c: &Contact) {
    let _ = writeln!(s, "\n[contact]\nname = {}", q(&c.name));
    if let Some(r) = &c.role {
        let _ = writeln!(s, "role = {}", q(r));
    }
    if let Some(e) = &c.email {
        let _ = writeln!(s, "email = {}", q(e));
    }
    if let Some(p) = &c.phone {
        let _ = writeln!(s, "phone = {}", q(p));
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Flavour {
    Areena,
    Hugo,
}

fn org_file(o: &Org, fl: Flavour) -> String {
    let mut s = String::with_capacity(4096);
    s.push_str("+++\n");
    let theme_ids: Vec<&str> = o.themes.iter().map(|&t| THEMES[t].id).collect();
    match fl {
        Flavour::Areena => {
            let _ = writeln!(s, "name = {}", q(&o.name));
        }
        Flavour::Hugo => {
            let _ = writeln!(s, "title = {}", q(&o.name));
        }
    }
    if let Some(v) = &o.short_name {
        let _ = writeln!(s, "short_name = {}", q(v));
    }
    let kind_key = if fl == Flavour::Hugo { "org_kind" } else { "kind" };
    let _ = writeln!(s, "{kind_key} = {}", q(o.kind.as_str()));
    if let Some(v) = &o.business_id {
        let _ = writeln!(s, "business_id = {}", q(v));
    }
    if let Some(v) = &o.register_number {
        let _ = writeln!(s, "register_number = {}", q(v));
    }
    if let Some(v) = o.founded {
        let _ = writeln!(s, "founded = {v}");
    }
    let _ = writeln!(s, "themes = {}", qlist(&theme_ids));
    let _ = writeln!(s, "municipalities = {}", qlist(&o.municipalities));
    if !o.regions.is_empty() {
        let _ = writeln!(s, "regions = {}", qlist(&o.regions));
    }
    if o.nationwide {
        let _ = writeln!(s, "nationwide = true");
    }
    if !o.networks.is_empty() {
        let _ = writeln!(s, "networks = {}", qlist(&o.networks));
    }
    if !o.activities.is_empty() {
        let _ = writeln!(s, "activities = {}", qlist(&o.activities));
    }
    let _ = writeln!(s, "languages = {}", qlist(&o.languages));
    if let Some(v) = &o.website {
        let _ = writeln!(s, "website = {}", q(v));
    }
    if let Some(v) = &o.email {
        let _ = writeln!(s, "email = {}", q(v));
    }
    if let Some(v) = &o.phone {
        let _ = writeln!(s, "phone = {}", q(v));
    }
    if let Some(d) = o.updated {
        match fl {
            Flavour::Areena => {
                let _ = writeln!(s, "updated = {}", date_str(d));
            }
            Flavour::Hugo => {
                let _ = writeln!(s, "updated = {}", q(&date_str(d)));
            }
        }
    }
    if let Some((street, code, city)) = &o.address {
        let _ = writeln!(s, "\n[address]\nstreet = {}\npostal_code = {}\ncity = {}", q(street), q(code), q(city));
    }
    if let Some(c) = &o.contact {
        contact_toml(&mut s, c);
    }
    s.push_str("+++\n");
    s.push_str(&o.body);
    s
}

fn network_file(nw: &Network, fl: Flavour) -> String {
    let mut s = String::with_capacity(2048);
    s.push_str("+++\n");
    let theme_ids: Vec<&str> = nw.themes.iter().map(|&t| THEMES[t].id).collect();
    if fl == Flavour::Areena {
        let _ = writeln!(s, "name = {}\nkind = {}", q(&nw.name), q(nw.kind));
    } else {
        let _ = writeln!(s, "title = {}\nnetwork_kind = {}", q(&nw.name), q(nw.kind));
    }
    if let Some(c) = &nw.coordinator {
        let _ = writeln!(s, "coordinator = {}", q(c));
    }
    let _ = writeln!(s, "members = {}", qlist(&nw.members));
    let _ = writeln!(s, "themes = {}", qlist(&theme_ids));
    let _ = writeln!(s, "regions = {}", qlist(&[REGION]));
    let _ = writeln!(s, "email = {}", q(&nw.email));
    if let Some(c) = &nw.contact {
        contact_toml(&mut s, c);
    }
    s.push_str("+++\n");
    s.push_str(&nw.body);
    s
}

fn table_file(t: &Table, fl: Flavour) -> String {
    let mut s = String::with_capacity(2048);
    s.push_str("+++\n");
    let theme_ids: Vec<&str> = t.themes.iter().map(|&t| THEMES[t].id).collect();
    if fl == Flavour::Areena {
        let _ = writeln!(s, "name = {}", q(&t.name));
    } else {
        let _ = writeln!(s, "title = {}\ntable = true", q(&t.name));
    }
    if let Some(c) = &t.convener {
        let _ = writeln!(s, "convener = {}", q(c));
    }
    let _ = writeln!(s, "public_partners = {}", qlist(&t.public_partners));
    let _ = writeln!(s, "members = {}", qlist(&t.members));
    let _ = writeln!(s, "themes = {}", qlist(&theme_ids));
    let _ = writeln!(s, "regions = {}", qlist(&[REGION]));
    if fl == Flavour::Areena {
        let _ = writeln!(s, "founded = {}", date_str(t.founded));
    } else {
        let _ = writeln!(s, "founded = {}", q(&date_str(t.founded)));
    }
    let _ = writeln!(s, "meets = {}", q(t.meets));
    if let Some(c) = &t.contact {
        contact_toml(&mut s, c);
    }
    s.push_str("+++\n");
    s.push_str(&t.body);
    s
}

fn note_file(nt: &Note, fl: Flavour) -> String {
    let mut s = String::with_capacity(2048);
    s.push_str("+++\n");
    let _ = writeln!(s, "title = {}\ndate = {}", q(&nt.title), date_str(nt.date));
    let kind_key = if fl == Flavour::Hugo { "note_kind" } else { "kind" };
    let _ = writeln!(s, "{kind_key} = {}", q(nt.kind));
    let _ = writeln!(s, "attendees = {}", qlist(&nt.attendees));
    if !nt.other_attendees.is_empty() {
        let _ = writeln!(s, "other_attendees = {}", qlist(&nt.other_attendees));
    }
    let _ = writeln!(s, "decisions = {}", qlist(&nt.decisions));
    if let Some(d) = nt.next_meeting {
        if fl == Flavour::Areena {
            let _ = writeln!(s, "next_meeting = {}", date_str(d));
        } else {
            let _ = writeln!(s, "next_meeting = {}", q(&date_str(d)));
        }
    }
    s.push_str("+++\n");
    s.push_str(&nt.body);
    s
}

const PAGE_BODY: &str = "\
Tämä hakemisto kokoaa yhteen alueen yhdistykset, säätiöt, osuuskunnat ja vapaat ryhmät sekä niiden \
verkostot ja kumppanuuspöydät. Sivusto on tuotettu koneellisesti suorituskykytestiä varten: kaikki \
järjestöt, henkilöt, osoitteet, puhelinnumerot ja Y-tunnukset ovat kuvitteellisia.

## Mitä hakemistosta löytyy

- järjestöt aakkosjärjestyksessä, teemoittain ja kunnittain
- verkostot ja niiden jäsenet
- kumppanuuspöydät ja niiden muistiot

Lisätietoa saa [ylläpitäjältä](https://yllapito.example).
";

fn create_dir(p: &Path) -> io::Result<()> {
    fs::create_dir_all(p)
}

fn clean(p: &Path) -> io::Result<()> {
    if p.exists() {
        fs::remove_dir_all(p)?;
    }
    Ok(())
}

fn write_areena(site: &Site, out: &Path, search: bool) -> io::Result<()> {
    clean(&out.join("content"))?;
    create_dir(out)?;
    write_file(
        &out.join("site.toml"),
        &format!(
            "title = \"Keski-Suomen järjestöt (testiaineisto)\"\n\
             description = \"Koneellisesti tuotettu testihakemisto: {} järjestöä\"\n\
             base_url = \"https://example.org/\"\n\
             language = \"fi\"\n\
             theme = \"default\"\n\
             region = \"{REGION}\"\n\n\
             [search]\nenabled = {search}\n\n\
             [build]\nstale_after_months = 18\n",
            site.orgs.len()
        ),
    )?;
    let content = out.join("content");
    let mut themes = String::from("# Teemat (testiaineisto)\n");
    for t in THEMES {
        let _ =
            write!(themes, "\n[[theme]]\nid = {}\nname = {}\ndescription = {}\n", q(t.id), q(t.name), q(t.description));
    }
    create_dir(&content)?;
    write_file(&content.join("themes.toml"), &themes)?;
    let dir = content.join("organisations");
    create_dir(&dir)?;
    for o in &site.orgs {
        write_file(&dir.join(format!("{}.md", o.slug)), &org_file(o, Flavour::Areena))?;
    }
    let dir = content.join("networks");
    create_dir(&dir)?;
    for nw in &site.networks {
        write_file(&dir.join(format!("{}.md", nw.slug)), &network_file(nw, Flavour::Areena))?;
    }
    for t in &site.tables {
        let dir = content.join("partnership-tables").join(&t.slug);
        create_dir(&dir)?;
        write_file(&dir.join("index.md"), &table_file(t, Flavour::Areena))?;
        for nt in &t.notes {
            write_file(&dir.join(format!("{}.md", nt.file_stem)), &note_file(nt, Flavour::Areena))?;
        }
    }
    let dir = content.join("pages");
    create_dir(&dir)?;
    write_file(
        &dir.join("tietoa.md"),
        &format!(
            "+++\ntitle = \"Tietoa hakemistosta\"\ndescription = \"Mikä tämä hakemisto on\"\nmenu = true\nweight = 10\n+++\n{PAGE_BODY}"
        ),
    )?;
    Ok(())
}

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}">
</head>
<body>
<header>
<a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><ul>
<li><a href="{{ "organisations/" | relURL }}">Järjestöt</a></li>
<li><a href="{{ "themes/" | relURL }}">Teemat</a></li>
<li><a href="{{ "municipalities/" | relURL }}">Kunnat</a></li>
<li><a href="{{ "networks/" | relURL }}">Verkostot</a></li>
<li><a href="{{ "partnership-tables/" | relURL }}">Kumppanuuspöydät</a></li>
<li><a href="{{ "tietoa/" | relURL }}">Tietoa</a></li>
</ul></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Section "organisations" }}
<p class="kicker">{{ .Params.org_kind }}</p>
{{ with .GetTerms "municipalities" }}<p class="lead">{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</p>{{ end }}
{{ with .Params.regions }}<p>Koko maakunta: {{ delimit . ", " }}</p>{{ end }}
{{ if .Params.nationwide }}<p>Valtakunnallinen</p>{{ end }}
{{ with .GetTerms "themes" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
<section class="card">
{{ with .Params.website }}<p><a href="{{ . }}">{{ . }}</a></p>{{ end }}
{{ with .Params.email }}<p><a href="mailto:{{ . }}">{{ . }}</a></p>{{ end }}
{{ with .Params.phone }}<p><a href="tel:{{ replace . " " "" }}">{{ . }}</a></p>{{ end }}
{{ with .Params.address }}<p>{{ .street }}<br>{{ .postal_code }} {{ .city }}</p>{{ end }}
{{ with .Params.contact }}<p>{{ .name }}{{ with .role }}, {{ . }}{{ end }}{{ with .email }}<br><a href="mailto:{{ . }}">{{ . }}</a>{{ end }}{{ with .phone }}<br>{{ . }}{{ end }}</p>{{ end }}
</section>
<section class="prose">{{ .Content }}</section>
{{ with .Params.activities }}<h2>Toiminta</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.networks }}<h2>Verkostot</h2><ul>{{ range . }}{{ with site.GetPage (printf "/networks/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
<dl>
{{ with .Params.short_name }}<dt>Lyhenne</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.business_id }}<dt>Y-tunnus</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.register_number }}<dt>Rekisterinumero</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.founded }}<dt>Perustettu</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.languages }}<dt>Kielet</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
{{ with .Params.updated }}<dt>Tarkistettu</dt><dd>{{ time.Format "2.1.2006" . }}</dd>{{ end }}
</dl>
{{ else if eq .Section "networks" }}
<p class="kicker">{{ .Params.network_kind }}</p>
{{ with .GetTerms "themes" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .Params.coordinator }}{{ with site.GetPage (printf "/organisations/%s" .) }}<p>Koordinaattori: <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}
<section class="card">
{{ with .Params.email }}<p><a href="mailto:{{ . }}">{{ . }}</a></p>{{ end }}
{{ with .Params.contact }}<p>{{ .name }}{{ with .role }}, {{ . }}{{ end }}{{ with .email }}<br><a href="mailto:{{ . }}">{{ . }}</a>{{ end }}{{ with .phone }}<br>{{ . }}{{ end }}</p>{{ end }}
</section>
<section class="prose">{{ .Content }}</section>
<h2>Jäsenet</h2>
<ul>{{ range .Params.members }}{{ with site.GetPage (printf "/organisations/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
{{ else if eq .Section "partnership-tables" }}
<p class="kicker">{{ .Params.note_kind }} · {{ .Date.Format "2.1.2006" }} · <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
{{ with .Params.decisions }}<h2>Päätökset</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
<section class="prose">{{ .Content }}</section>
<h2>Osallistujat</h2>
<ul>{{ range .Params.attendees }}{{ with site.GetPage (printf "/organisations/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}{{ range .Params.other_attendees }}<li>{{ . }}</li>{{ end }}</ul>
{{ with .Params.next_meeting }}<p>Seuraava kokous: {{ time.Format "2.1.2006" . }}</p>{{ end }}
<nav class="pager">{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ else }}
<section class="prose">{{ .Content }}</section>
{{ end }}
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if .Params.table }}
{{ with .Params.convener }}{{ with or (site.GetPage (printf "/networks/%s" .)) (site.GetPage (printf "/organisations/%s" .)) }}<p>Koollekutsuja: <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}
{{ with .Params.public_partners }}<p>Julkiset kumppanit: {{ delimit . ", " }}</p>{{ end }}
{{ with .Params.meets }}<p>Kokoontuu: {{ . }}</p>{{ end }}
{{ with .Params.founded }}<p>Perustettu: {{ time.Format "2.1.2006" . }}</p>{{ end }}
{{ with .GetTerms "themes" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .Params.contact }}<p>{{ .name }}{{ with .role }}, {{ . }}{{ end }}{{ with .email }}<br><a href="mailto:{{ . }}">{{ . }}</a>{{ end }}{{ with .phone }}<br>{{ . }}{{ end }}</p>{{ end }}
<section class="prose">{{ .Content }}</section>
<h2>Muistiot</h2>
<ul>{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2.1.2006" }} {{ .Params.note_kind }}</li>{{ end }}</ul>
<h2>Jäsenet</h2>
<ul>{{ range .Params.members }}{{ with site.GetPage (printf "/organisations/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
{{ else if eq .Section "organisations" }}
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ delimit .Params.municipalities ", " }}</span></li>{{ end }}</ul>
{{ else if eq .Section "networks" }}
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.network_kind }} ({{ len .Params.members }})</li>{{ end }}</ul>
{{ else }}
{{ .Content }}
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>
{{ end }}
{{ end }}
"#;

const HUGO_TERMS: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"#;

const HUGO_TAXONOMY: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.description }}<p class="lead">{{ . }}</p>{{ end }}
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.municipalities }} <span>{{ delimit . ", " }}</span>{{ end }}</li>{{ end }}</ul>
{{ end }}
"#;

const HUGO_INDEX: &str = r#"{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ len (where site.RegularPages "Section" "organisations") }} järjestöä, {{ len (where site.RegularPages "Section" "networks") }} verkostoa</p>
<h2>Teemat</h2>
<ul>{{ range site.Taxonomies.themes.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
<h2>Kunnat</h2>
<ul>{{ range site.Taxonomies.municipalities.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
<h2>Uusimmat muistiot</h2>
<ul>{{ range first 6 (where site.RegularPages "Section" "partnership-tables").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2.1.2006" }}</li>{{ end }}</ul>
{{ end }}
"#;

const HUGO_404: &str = r#"{{ define "main" }}
<h1>Sivua ei löytynyt</h1>
<p><a href="{{ "/" | relURL }}">Etusivulle</a></p>
{{ end }}
"#;

fn write_hugo(site: &Site, out: &Path) -> io::Result<()> {
    clean(&out.join("content"))?;
    clean(&out.join("layouts"))?;
    create_dir(out)?;
    write_file(
        &out.join("hugo.toml"),
        "baseURL = \"https://example.org/\"\n\
         languageCode = \"fi\"\n\
         defaultContentLanguage = \"fi\"\n\
         title = \"Keski-Suomen järjestöt (testiaineisto)\"\n\
         removePathAccents = true\n\
         enableRobotsTXT = true\n\
         rssLimit = 50\n\n\
         [taxonomies]\n\
         theme = \"themes\"\n\
         municipality = \"municipalities\"\n\n\
         [outputs]\n\
         home = [\"HTML\", \"RSS\"]\n\
         section = [\"HTML\"]\n\
         taxonomy = [\"HTML\"]\n\
         term = [\"HTML\"]\n\
         page = [\"HTML\"]\n",
    )?;
    let layouts = out.join("layouts").join("_default");
    create_dir(&layouts)?;
    for (name, text) in [
        ("baseof.html", HUGO_BASEOF),
        ("single.html", HUGO_SINGLE),
        ("list.html", HUGO_LIST),
        ("terms.html", HUGO_TERMS),
        ("taxonomy.html", HUGO_TAXONOMY),
    ] {
        write_file(&layouts.join(name), text)?;
    }
    write_file(&out.join("layouts").join("index.html"), HUGO_INDEX)?;
    write_file(&out.join("layouts").join("404.html"), HUGO_404)?;

    let content = out.join("content");
    // Sections with titles; theme terms with their names and descriptions.
    for (dir, title) in [
        ("organisations", "Järjestöt"),
        ("networks", "Verkostot"),
        ("partnership-tables", "Kumppanuuspöydät"),
        ("themes", "Teemat"),
        ("municipalities", "Kunnat"),
    ] {
        create_dir(&content.join(dir))?;
        write_file(&content.join(dir).join("_index.md"), &format!("+++\ntitle = {}\n+++\n", q(title)))?;
    }
    for t in THEMES {
        let dir = content.join("themes").join(t.id);
        create_dir(&dir)?;
        write_file(
            &dir.join("_index.md"),
            &format!("+++\ntitle = {}\ndescription = {}\n+++\n", q(t.name), q(t.description)),
        )?;
    }
    let dir = content.join("organisations");
    for o in &site.orgs {
        write_file(&dir.join(format!("{}.md", o.slug)), &org_file(o, Flavour::Hugo))?;
    }
    let dir = content.join("networks");
    for nw in &site.networks {
        write_file(&dir.join(format!("{}.md", nw.slug)), &network_file(nw, Flavour::Hugo))?;
    }
    for t in &site.tables {
        // A branch bundle (_index.md), so that the notes beside it are pages of their own.
        let dir = content.join("partnership-tables").join(&t.slug);
        create_dir(&dir)?;
        write_file(&dir.join("_index.md"), &table_file(t, Flavour::Hugo))?;
        for nt in &t.notes {
            write_file(&dir.join(format!("{}.md", nt.file_stem)), &note_file(nt, Flavour::Hugo))?;
        }
    }
    write_file(
        &content.join("tietoa.md"),
        &format!(
            "+++\ntitle = \"Tietoa hakemistosta\"\ndescription = \"Mikä tämä hakemisto on\"\nweight = 10\n+++\n{PAGE_BODY}"
        ),
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------

const USAGE: &str = "usage: gen_site --n N --out DIR [--seed S] [--search on|off] [--hugo DIR]";

fn main() -> ExitCode {
    let mut n: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed: u64 = 1;
    let mut search = true;
    let mut hugo: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| match args.next() {
            Some(v) => v,
            None => {
                eprintln!("{name} needs a value\n{USAGE}");
                std::process::exit(2);
            }
        };
        match a.as_str() {
            "--n" => n = val("--n").parse().ok(),
            "--out" => out = Some(PathBuf::from(val("--out"))),
            "--seed" => match val("--seed").parse() {
                Ok(s) => seed = s,
                Err(_) => {
                    eprintln!("--seed takes a whole number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--search" => match val("--search").as_str() {
                "on" => search = true,
                "off" => search = false,
                other => {
                    eprintln!("--search takes on or off, not {other}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--hugo" => hugo = Some(PathBuf::from(val("--hugo"))),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(n), Some(out)) = (n, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if n == 0 {
        eprintln!("--n must be at least 1");
        return ExitCode::from(2);
    }
    let site = generate(n, seed);
    if let Err(e) = write_areena(&site, &out, search) {
        eprintln!("writing {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    if let Some(h) = &hugo
        && let Err(e) = write_hugo(&site, h)
    {
        eprintln!("writing {}: {e}", h.display());
        return ExitCode::FAILURE;
    }
    let notes: usize = site.tables.iter().map(|t| t.notes.len()).sum();
    eprintln!(
        "generated {} organisations, {} networks, {} partnership tables, {} notes in {}{}",
        site.orgs.len(),
        site.networks.len(),
        site.tables.len(),
        notes,
        out.display(),
        hugo.map(|h| format!(" (and a Hugo site in {})", h.display())).unwrap_or_default()
    );
    ExitCode::SUCCESS
}
