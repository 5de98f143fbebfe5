/// Text shared by every command's `--help`, written once.
public enum RelmodelHelp {
    /// The version of relmodel, printed by `relmodel --version`.
    public static let version = "0.9.0"

    /// The exit codes of every relmodel command (the same list as the README and docs/CLI.md).
    public static let exitCodes = """
        Exit codes: 0 success; 64 usage error (unknown option or impossible value, with the usage \
        line); 65 data error (a bad value, named by file, line and column, or inputs from which \
        nothing can be estimated or solved); 66 input file cannot be opened; 70 a numerical method \
        failed to reach its stated accuracy; 73 an output file cannot be written.
        """

    /// `text` followed by the exit codes, as a command's help discussion.
    public static func discussion(_ text: String) -> String {
        text.isEmpty ? exitCodes : text + "\n\n" + exitCodes
    }
}
