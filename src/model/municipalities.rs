//! Municipalities, regions (maakunnat) and wellbeing services counties.
//!
//! The built-in list is `data/municipalities.tsv` (source and date in
//! `data/MUNICIPALITIES.md`), compiled into the binary. A site may replace it with
//! `content/municipalities.toml`. Editors write a municipality or a region by its
//! Finnish or Swedish name in any letter case, or by its code.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::diagnostics::suggest::nearest;
use crate::model::slug::slugify;

/// Index of a municipality in [`Municipalities::list`].
pub use super::ids::MunicipalityId;
/// Index of a region in [`Municipalities::regions`].
pub use super::ids::RegionId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub name_sv: String,
    pub slug: String,
    pub region: RegionId,
    pub county: String,
    pub county_sv: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub name_sv: String,
    pub slug: String,
}

/// A list of municipalities with their regions, and lookups by name or code.
#[derive(Debug, Clone, Default)]
pub struct Municipalities {
    pub list: Vec<Municipality>,
    pub regions: Vec<Region>,
    by_key: HashMap<String, MunicipalityId>,
    region_by_key: HashMap<String, RegionId>,
}

/// One row of a municipality list before it is indexed.
#[derive(Debug, Clone)]
pub struct MunicipalityRow {
    pub code: String,
    pub name: String,
    pub name_sv: String,
    pub region: String,
    pub region_sv: String,
    pub region_code: String,
    pub county: String,
    pub county_sv: String,
}

const BUILTIN_TSV: &str = include_str!("../../data/municipalities.tsv");

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

impl Municipalities {
    /// Finland's municipalities, as compiled into the binary.
    pub fn builtin() -> &'static Municipalities {
        static BUILTIN: OnceLock<Municipalities> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let rows = BUILTIN_TSV.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                assert!(f.len() == 8, "data/municipalities.tsv: bad line {line:?}");
                MunicipalityRow {
                    code: f[0].into(),
                    name: f[1].into(),
                    name_sv: f[2].into(),
                    region_code: f[3].into(),
                    region: f[4].into(),
                    region_sv: f[5].into(),
                    county: f[6].into(),
                    county_sv: f[7].into(),
                }
            });
            Municipalities::from_rows(rows)
        })
    }

    /// Index rows; regions are created in order of first appearance.
    pub fn from_rows(rows: impl IntoIterator<Item = MunicipalityRow>) -> Municipalities {
        let mut m = Municipalities::default();
        for row in rows {
            let region = match m.region_by_key.get(&key(&row.region)) {
                Some(&r) => r,
                None => {
                    let r = RegionId::new(m.regions.len());
                    m.regions.push(Region {
                        code: row.region_code.clone(),
                        slug: slugify(&row.region),
                        name: row.region.clone(),
                        name_sv: row.region_sv.clone(),
                    });
                    for k in [&row.region, &row.region_sv, &row.region_code] {
                        if !k.is_empty() {
                            m.region_by_key.entry(key(k)).or_insert(r);
                        }
                    }
                    r
                }
            };
            let id = MunicipalityId::new(m.list.len());
            for k in [&row.name, &row.name_sv, &row.code] {
                if !k.is_empty() {
                    m.by_key.entry(key(k)).or_insert(id);
                }
            }
            m.list.push(Municipality {
                slug: slugify(&row.name),
                code: row.code,
                name: row.name,
                name_sv: row.name_sv,
                region,
                county: row.county,
                county_sv: row.county_sv,
            });
        }
        m
    }

    /// A municipality by Finnish or Swedish name (any case) or code.
    pub fn find(&self, name: &str) -> Option<MunicipalityId> {
        self.by_key.get(&key(name)).copied()
    }

    /// A region by Finnish or Swedish name (any case) or code.
    pub fn find_region(&self, name: &str) -> Option<RegionId> {
        self.region_by_key.get(&key(name)).copied()
    }

    /// Close matches to a misspelt municipality (Finnish names; Swedish where closer).
    pub fn suggest(&self, name: &str) -> Vec<&str> {
        let names = self.list.iter().flat_map(|m| [m.name.as_str(), m.name_sv.as_str()]);
        let mut found = nearest(name, names, 3);
        // Report each municipality by its Finnish name once.
        found = found.into_iter().map(|n| &*self.list[self.find(n).expect("listed")].name).collect();
        found.dedup();
        found
    }

    pub fn suggest_region(&self, name: &str) -> Vec<&str> {
        let names = self.regions.iter().flat_map(|r| [r.name.as_str(), r.name_sv.as_str()]);
        let mut found: Vec<&str> = nearest(name, names, 3)
            .into_iter()
            .map(|n| &*self.regions[self.find_region(n).expect("listed")].name)
            .collect();
        found.dedup();
        found
    }

    /// The municipalities of a region, in list order.
    pub fn in_region(&self, region: RegionId) -> impl Iterator<Item = MunicipalityId> + '_ {
        self.list.iter().enumerate().filter(move |(_, m)| m.region == region).map(|(i, _)| MunicipalityId::new(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_region() {
        let m = Municipalities::builtin();
        assert_eq!(m.list.len(), 309);
        assert_eq!(m.regions.len(), 19);
        let expected = [
            ("Uusimaa", 26),
            ("Varsinais-Suomi", 27),
            ("Satakunta", 16),
            ("Kanta-Häme", 11),
            ("Pirkanmaa", 23),
            ("Päijät-Häme", 10),
            ("Kymenlaakso", 6),
            ("Etelä-Karjala", 9),
            ("Etelä-Savo", 12),
            ("Pohjois-Savo", 19),
            ("Pohjois-Karjala", 13),
            ("Keski-Suomi", 22),
            ("Etelä-Pohjanmaa", 18),
            ("Pohjanmaa", 14),
            ("Keski-Pohjanmaa", 8),
            ("Pohjois-Pohjanmaa", 30),
            ("Kainuu", 8),
            ("Lappi", 21),
            ("Ahvenanmaa", 16),
        ];
        for (region, n) in expected {
            let r = m.find_region(region).unwrap_or_else(|| panic!("{region}"));
            assert_eq!(m.in_region(r).count(), n, "{region}");
        }
        let counties: std::collections::BTreeSet<&str> = m.list.iter().map(|x| x.county.as_str()).collect();
        assert_eq!(counties.len(), 23, "21 counties, the city of Helsinki and Åland");
    }

    #[test]
    fn samples_and_lookups() {
        let m = Municipalities::builtin();
        let table: &[(&str, &str, &str, &str, &str)] = &[
            // input, code, fi, sv, region
            ("Pietarsaari", "598", "Pietarsaari", "Jakobstad", "Pohjanmaa"),
            ("jakobstad", "598", "Pietarsaari", "Jakobstad", "Pohjanmaa"),
            ("MARIEHAMN", "478", "Maarianhamina", "Mariehamn", "Ahvenanmaa"),
            ("179", "179", "Jyväskylä", "Jyväskylä", "Keski-Suomi"),
            ("jyväskylä", "179", "Jyväskylä", "Jyväskylä", "Keski-Suomi"),
            ("Helsingfors", "091", "Helsinki", "Helsingfors", "Uusimaa"),
        ];
        for (input, code, fi, sv, region) in table {
            let id = m.find(input).unwrap_or_else(|| panic!("{input}"));
            let x = &m.list[id];
            assert_eq!((x.code.as_str(), x.name.as_str(), x.name_sv.as_str()), (*code, *fi, *sv), "{input}");
            assert_eq!(m.regions[x.region].name, *region);
        }
        assert_eq!(m.list[m.find("Jyväskylä").unwrap()].county, "Keski-Suomen hyvinvointialue");
        assert_eq!(m.list[m.find("Kerava").unwrap()].county, "Vantaan ja Keravan hyvinvointialue");
        assert_eq!(m.list[m.find("Helsinki").unwrap()].slug, "helsinki");
        assert_eq!(m.list[m.find("Jyväskylä").unwrap()].slug, "jyvaskyla");
        assert_eq!(m.find_region("mellersta finland"), m.find_region("Keski-Suomi"));
        assert_eq!(m.find("Jyvaskyla"), None);
        assert_eq!(m.suggest("Jyvaskyla"), vec!["Jyväskylä"]);
        assert_eq!(m.suggest_region("Keski-Suomen")[0], "Keski-Suomi");
    }

    #[test]
    fn names_do_not_collide() {
        let m = Municipalities::builtin();
        for (i, x) in MunicipalityId::all(m.list.len()).zip(&m.list) {
            assert_eq!(m.find(&x.name), Some(i), "{}", x.name);
            assert_eq!(m.find(&x.name_sv), Some(i), "{}", x.name_sv);
            assert_eq!(m.find(&x.code), Some(i), "{}", x.code);
        }
        let slugs: std::collections::HashSet<&str> = m.list.iter().map(|x| x.slug.as_str()).collect();
        assert_eq!(slugs.len(), m.list.len());
    }
}
