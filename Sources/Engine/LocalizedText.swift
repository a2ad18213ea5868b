/// Text for people in both languages the reports speak; Vietnamese is the default.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var vi: String
    public var en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    /// The text in `language` ("vi" or "en").
    public func text(_ language: Language) -> String { language == .en ? en : vi }
}

/// Output language of human-readable text.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
