/// ANSI colours for terminals; `off` writes plain text, which is what files and pipes get.
public struct Palette: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }
    public static let off = Palette(enabled: false)

    func paint(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func red(_ s: String) -> String { paint(s, "31") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func bold(_ s: String) -> String { paint(s, "1") }
}
