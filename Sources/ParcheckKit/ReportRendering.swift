import Common
import Report

/// Renders one report format; CSV gives two texts (scoreboard, findings), every other format one.
enum ReportRendering {
    static func texts(_ format: ReportFormat, _ r: RunReport, template: HTMLTemplate, perTarget: Int,
                      palette: Palette, workers: Int = 1) -> [String] {
        switch format {
        case .text:
            var text = TextReport(r.evaluation, r.board, data: r.data, language: r.language, perTarget: perTarget)
            text.palette = palette
            text.marks = { TextMarks.marks($0, r) }
            return [text.render()]
        case .json: return [ResultJSON.document(r, workers: workers).render(workers: workers)]
        case .html: return [HTMLReport.render(r, template: template)]
        case .csv: return [CSVReport.scoreboard(r), CSVReport.findings(r)]
        case .sarif: return [SARIFReport.document(r).render(workers: workers)]
        case .junit: return [JUnitReport.render(r)]
        case .markdown: return [MarkdownReport.render(r)]
        }
    }
}
