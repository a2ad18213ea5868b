import Common
import Report

/// Renders one report format; CSV gives two texts (scoreboard, findings), every other format one.
enum ReportRendering {
    static func texts(_ format: ReportFormat, _ r: RunReport, template: HTMLTemplate?, perTarget: Int,
                      palette: Palette, workers: Int = 1) -> [[UInt8]] {
        if format == .json { return [ResultJSON.render(r, workers: workers)] }  // streamed as bytes: the big one
        return strings(format, r, template: template, perTarget: perTarget, palette: palette, workers: workers)
            .map { Array($0.utf8) }
    }

    private static func strings(_ format: ReportFormat, _ r: RunReport, template: HTMLTemplate?, perTarget: Int,
                                palette: Palette, workers: Int) -> [String] {
        switch format {
        case .text:
            var text = TextReport(r.evaluation, r.board, data: r.data, language: r.language, perTarget: perTarget)
            text.palette = palette
            text.marks = { TextMarks.marks($0, r) }
            return [text.render()]
        case .json: return [String(decoding: ResultJSON.render(r, workers: workers), as: UTF8.self)]
        case .html: return [HTMLReport.render(r, template: template ?? .bundled())]
        case .csv: return [CSVReport.scoreboard(r), CSVReport.findings(r)]
        case .sarif: return [SARIFReport.document(r).render(workers: workers)]
        case .junit: return [JUnitReport.render(r)]
        case .markdown: return [MarkdownReport.render(r)]
        }
    }
}
