//! The Finnish Business ID (Y-tunnus): seven digits, a hyphen, a check digit.

use crate::diagnostics::{Code, Localized, tr};

/// Why a Y-tunnus is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusinessIdError {
    /// Not of the form `1234567-8`; carries a corrected form when one is obvious.
    Format { suggestion: Option<String> },
    /// The check digit does not match; carries the right one (None: no valid check
    /// digit exists for these seven digits).
    CheckDigit { expected: Option<u8> },
}

/// The check digit for seven digits, or `None` when the remainder is 1 (no valid ID).
pub fn check_digit(digits: &[u8; 7]) -> Option<u8> {
    const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| u32::from(*d) * w).sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some((11 - r) as u8),
    }
}

/// Validate a Y-tunnus as written.
pub fn validate(s: &str) -> Result<(), BusinessIdError> {
    let b = s.as_bytes();
    let well_formed = b.len() == 9 && b[7] == b'-' && b[..7].iter().chain(&b[8..]).all(u8::is_ascii_digit);
    if !well_formed {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let suggestion = match digits.len() {
            8 => Some(format!("{}-{}", &digits[..7], &digits[7..])),
            7 => Some(format!("0{}-{}", &digits[..6], &digits[6..])),
            _ => None,
        };
        return Err(BusinessIdError::Format { suggestion });
    }
    let mut d = [0u8; 7];
    for (i, x) in b[..7].iter().enumerate() {
        d[i] = x - b'0';
    }
    let expected = check_digit(&d);
    if expected == Some(b[8] - b'0') { Ok(()) } else { Err(BusinessIdError::CheckDigit { expected }) }
}

/// What areena says of a wrong Y-tunnus `written` (as the editor wrote it): the code,
/// what is wrong, and the fix (the right form or check digit when there is one).
pub fn problem(written: &str, e: &BusinessIdError) -> (Code, Localized, Localized) {
    let v = written;
    match e {
        BusinessIdError::Format { suggestion } => {
            let help = match suggestion {
                Some(s) => tr!(
                    en: "write it as seven digits, a hyphen and the check digit: `{s}`",
                    fi: "kirjoita se muodossa seitsemän numeroa, yhdysmerkki ja tarkistusnumero: `{s}`",
                    sv: "skriv det som sju siffror, ett bindestreck och kontrollsiffran: `{s}`"
                ),
                None => tr!(
                    en: "a Y-tunnus is seven digits, a hyphen and a check digit, e.g. `1234567-1`",
                    fi: "Y-tunnuksessa on seitsemän numeroa, yhdysmerkki ja tarkistusnumero, esim. `1234567-1`",
                    sv: "ett FO-nummer har sju siffror, ett bindestreck och en kontrollsiffra, t.ex. `1234567-1`"
                ),
            };
            let msg = tr!(en: "`{v}` is not a Y-tunnus", fi: "`{v}` ei ole Y-tunnus", sv: "`{v}` är inte ett FO-nummer (Y-tunnus)");
            (Code::InvalidBusinessId, msg, help)
        }
        BusinessIdError::CheckDigit { expected } => {
            let digits = &written.trim()[..7];
            let help = match expected {
                Some(c) => tr!(
                    en: "the check digit of {digits} is {c}: if the digits are right, write `{digits}-{c}`; otherwise check the number in the trade register (YTJ)",
                    fi: "numeroiden {digits} tarkistusnumero on {c}: jos numerot ovat oikein, kirjoita `{digits}-{c}`; muuten tarkista tunnus YTJ:stä (yritys- ja yhteisötietojärjestelmä)",
                    sv: "kontrollsiffran för {digits} är {c}: om siffrorna stämmer, skriv `{digits}-{c}`; kontrollera annars numret i FODS (företags- och organisationsdatasystemet)"
                ),
                None => tr!(
                    en: "no Y-tunnus starts with {digits}: check the digits in the trade register (YTJ)",
                    fi: "mikään Y-tunnus ei ala numeroilla {digits}: tarkista numerot YTJ:stä (yritys- ja yhteisötietojärjestelmä)",
                    sv: "inget FO-nummer börjar med {digits}: kontrollera siffrorna i FODS (företags- och organisationsdatasystemet)"
                ),
            };
            let msg = tr!(
                en: "the check digit of `{v}` is wrong",
                fi: "tunnuksen `{v}` tarkistusnumero on väärä",
                sv: "kontrollsiffran i `{v}` är fel"
            );
            (Code::BusinessIdCheckDigit, msg, help)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, Result<(), BusinessIdError>)] = &[
            ("0737546-2", Ok(())),
            ("1572860-0", Ok(())),
            ("0737546-3", Err(BusinessIdError::CheckDigit { expected: Some(2) })),
            ("07375462", Err(BusinessIdError::Format { suggestion: Some("0737546-2".into()) })),
            ("737546-2", Err(BusinessIdError::Format { suggestion: Some("0737546-2".into()) })),
            ("0737546 2", Err(BusinessIdError::Format { suggestion: Some("0737546-2".into()) })),
            ("FI07375462", Err(BusinessIdError::Format { suggestion: Some("0737546-2".into()) })),
            ("12-3", Err(BusinessIdError::Format { suggestion: None })),
            ("", Err(BusinessIdError::Format { suggestion: None })),
        ];
        for (input, want) in cases {
            assert_eq!(&validate(input), want, "{input}");
        }
    }

    #[test]
    fn remainder_one_has_no_check_digit() {
        // 1000000: 7*1 = 7 -> r 7 -> 4; find a number whose sum % 11 == 1.
        let d = [0, 0, 0, 0, 0, 0, 0];
        assert_eq!(check_digit(&d), Some(0));
        let one = (0..10_000_000u32)
            .map(|n| {
                let s = format!("{n:07}");
                let mut a = [0u8; 7];
                for (i, c) in s.bytes().enumerate() {
                    a[i] = c - b'0';
                }
                a
            })
            .find(|a| check_digit(a).is_none())
            .unwrap();
        let s: String = one.iter().map(|d| char::from(b'0' + d)).collect();
        for c in 0..10 {
            assert!(validate(&format!("{s}-{c}")).is_err());
        }
    }
}
