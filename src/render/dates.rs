//! Dates as readers of each language write them: 12.2.2025 (fi, sv), 12 February 2025 (en).

use jiff::civil::Date;

use super::views::DateView;
use crate::model::Language;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn format(d: Date, lang: Language) -> String {
    match lang {
        Language::Fi | Language::Sv => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[(d.month() - 1) as usize], d.year()),
    }
}

pub fn view(d: Date, lang: Language) -> DateView {
    DateView { text: format(d, lang), iso: d.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = Date::constant(2025, 2, 12);
        assert_eq!(format(d, Language::Fi), "12.2.2025");
        assert_eq!(format(d, Language::Sv), "12.2.2025");
        assert_eq!(format(d, Language::En), "12 February 2025");
        assert_eq!(view(d, Language::Fi).iso, "2025-02-12");
    }
}
