import RelmodelJSON
import ArgumentParser
import SPC

/// `relmodel spc batch-pca FILE`: batch-trajectory monitoring by multiway PCA.
struct BatchPCACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-pca",
        abstract: "Batch-trajectory monitoring by multiway PCA: Hotelling T2 and SPE per batch, with limits.",
        discussion: RelmodelHelp.discussion("""
        FILE is long-format CSV with header batch,time,<var1>,<var2>,...: one row per batch and time \
        point, batches in order of first appearance, rows of a batch sorted by time, the same time points \
        in every batch. Trajectories are unfolded batch-wise (column k*J + j: time-major), autoscaled by \
        the reference column means and standard deviations (divisor I - 1; constant columns are centred \
        only) and decomposed by SVD. A components are given (--components) or the fewest that explain \
        --variance of the total (default 0.8). Limits: phase I T2 (I-1)^2/I Beta_c(A/2, (I-A-1)/2), \
        phase II T2 A(I^2-1)/(I(I-A)) F_c(A, I-A), SPE g chi2_c(h) (Box). Limits are listed at 0.95, 0.99 \
        and --confidence; batches are flagged against --confidence. --new projects the batches of a \
        second file (same variables and time points) as phase II. Ragged batches and \
        too many components are data errors.
        """)
    )

    @Argument(help: "Reference (phase I) batches: long CSV batch,time,<variables...>, or - for standard input.")
    var file: String

    @Option(help: "Number of principal components A (1 <= A <= I - 2, below the rank of the data).")
    var components: Int?

    @Option(help: "Choose the fewest components explaining at least this fraction of the variance (0, 1]; default 0.8.")
    var variance: Double?

    @Option(help: "Confidence level of the limits the batches are flagged against (0, 1).")
    var confidence: Double = 0.99

    @Option(name: .customLong("new"), help: "New (phase II) batches to project against the reference model, same layout.")
    var newFile: String?

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    @Option(name: .customLong("contributions-svg"), help: "Write a bar chart of the variables' contributions to SPE and T2 of every flagged batch to this SVG file.")
    var contributionsSVG: String?

    func validate() throws {
        if components != nil && variance != nil { throw ValidationError("give --components or --variance, not both") }
        if let components, components < 1 { throw ValidationError("--components must be at least 1, got \(components)") }
        if let variance, !(variance > 0 && variance <= 1) { throw ValidationError("--variance must be in (0, 1], got \(variance)") }
        guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must be in (0, 1), got \(confidence)") }
    }

    func run() throws {
        let input = try SPCInput(file)
        let data = try SPCInput.dataErrors { try BatchTrajectoryReader.read(input.table) }
        var newData: BatchTrajectoryData?
        if let newFile {
            let second = try SPCInput(newFile)
            newData = try SPCInput.dataErrors { try BatchTrajectoryReader.read(second.table, reference: (data.variables, data.times)) }
        }
        let monitoring = try SPCInput.dataErrors {
            try BatchMonitoring(reference: data, components: components, explainedVariance: variance ?? MultiwayPCA.defaultExplainedVariance,
                                newBatches: newData, newFile: newFile, confidence: confidence)
        }
        let result = BatchPCAOutput(file: file, monitoring: monitoring)
        writeOutput(json ? CommandDocument(command: "batch-pca", file: file, result: monitoring).json.serialized() : result.text())
        if let contributionsSVG { try writeOutputFile(contributionsSVG, result.contributionChart().rendered()) }
    }
}
