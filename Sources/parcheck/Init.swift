import ArgumentParser
import ParcheckKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new plan (next year's, or another body's) that extends an existing one and overrides only what differs.")

    @Argument(help: "Directory of the new plan (created; plan.yaml and tests/ inside).")
    var directory: String

    @Option(help: "The plan to build on (file or directory).")
    var from: String

    @Option(help: "Id of the new plan (default: the base id with the new year).")
    var id: String?

    @Option(help: "Year of the new plan (default: the base plan's year + 1).")
    var year: Int?

    func run() throws {
        var run = InitRun(directory: directory, from: from)
        run.id = id
        run.year = year
        try finish(run.run())
    }
}
