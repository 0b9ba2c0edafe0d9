/// How the report writes a figure into a `data-` attribute: exactly as
/// result.json writes it (rounded to 15 significant digits, shortest text that
/// reads back as the same number), so a reader or a test can check the page
/// against result.json figure by figure.
public enum ReportNumber {
    public static func data(_ x: Double) -> String {
        JSONOutput.format(ResultDocument.rounded(x))
    }

    public static func data(_ n: Int) -> String {
        String(n)
    }
}
