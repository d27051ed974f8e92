import ArgumentParser

/// `myco-bench`: timings of Myco against reference tools. One subcommand per file.
@main
struct MycoBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "myco-bench",
    abstract: "Benchmarks for Myco (not tests): times Myco against reference tools (CLIPS, sqlite3).",
    subcommands: [
      GenerateCommand.self, EngineBenchmark.self, EvaluationProfile.self, YieldsBenchmark.self,
    ]
  )
}
