import Common
import Report

/// Renders one report format; CSV gives two texts (scoreboard, findings), every other format one.
enum ReportRendering {
    static func texts(_ format: ReportFormat, _ r: RunReport, template: HTMLTemplate?, perTarget: Int,
                      palette: Palette, workers: Int = 1) -> [[UInt8]] {
        func utf8(_ texts: String...) -> [[UInt8]] { texts.map { Array($0.utf8) } }
        switch format {
        case .text:
            var text = TextReport(r.evaluation, r.board, data: r.data, language: r.language, perTarget: perTarget)
            text.palette = palette
            text.marks = { TextMarks.marks($0, r) }
            return utf8(text.render())
        case .json: return [ResultJSON.render(r, workers: workers)]  // already bytes: the big one is never a String
        case .html: return utf8(HTMLReport.render(r, template: template ?? .bundled()))
        case .csv: return utf8(CSVReport.scoreboard(r), CSVReport.findings(r))
        case .sarif: return utf8(SARIFReport.document(r).render(workers: workers))
        case .junit: return utf8(JUnitReport.render(r))
        case .markdown: return utf8(MarkdownReport.render(r))
        }
    }
}
