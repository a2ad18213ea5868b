import Common
import Engine

/// Human formatting of numbers and dates: Vietnamese by default (3.352; 98,5%; 30/07/2025), English on request.
public struct HumanFormat: Sendable {
    public var language: Language
    public init(language: Language) { self.language = language }

    /// An integer with thousands separators: "3.352" in Vietnamese, "3,352" in English.
    public func count(_ n: Int) -> String {
        let digits = Array(String(abs(n)))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += language == .vi ? "." : "," }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    public func decimal(_ x: Double, digits: Int = 2) -> String { NumberText.human(x, digits: digits, language: language) }
    /// Exactly two decimals (81,70), so a column of indices lines up.
    public func fixed(_ x: Double) -> String {
        let cents = Int64((x * 100).rounded())
        let frac = abs(cents % 100)
        return "\(cents / 100)" + (language == .vi ? "," : ".") + (frac < 10 ? "0\(frac)" : "\(frac)")
    }

    public func percent(_ fraction: Double) -> String { NumberText.percent(fraction, language: language) }
    public func date(_ day: DayNumber) -> String { language == .vi ? vnDate(day) : isoDate(day) }

    /// Picks the phrase of the current language.
    public func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
}
