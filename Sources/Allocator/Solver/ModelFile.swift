#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GLPKShim

/// Writes a model for anyone to audit or re-solve elsewhere: free MPS, or
/// CPLEX LP when the file name ends in `.lp`. Names are the model's own,
/// with characters that those formats cannot carry replaced by `_`, and
/// prefixed by their position so they stay unique.
///
/// Free MPS has no standard way to say "maximise" and GLPK writes none, so a
/// reader takes the model as a minimisation unless told: the MPS file starts
/// with a comment line that says so. The file appears whole or not at all
/// (GLPK writes a temporary file, which is then renamed).
public enum ModelFile {
    /// The first line of every MPS file written.
    public static let mpsSenseComment =
        "* Objective sense: MAXIMISE (free MPS cannot say so: tell your solver, e.g. glpsol --max)"

    /// Calls `glp_write_mps` or `glp_write_lp`.
    public static func write(_ model: LinearModel, name: String, to path: String) throws(SolverFailure) {
        let temporary = AtomicFile.temporaryPath(for: path) + "-glpk"
        defer { unlink(temporary) }
        try writeWithGLPK(model, name: name, to: temporary, lp: path.lowercased().hasSuffix(".lp"))
        let written: [UInt8]
        switch FileContents.read(at: temporary) {
        case .success(let bytes): written = bytes
        case .failure(let failure):
            throw SolverFailure(operation: "write model", message: "cannot read back \(temporary): \(failure.message)")
        }
        var text = String(decoding: written, as: UTF8.self)
        if !path.lowercased().hasSuffix(".lp") { text = mpsSenseComment + "\n" + text }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw SolverFailure(operation: "write model", message: error.description)
        }
    }

    private static func writeWithGLPK(_ model: LinearModel, name: String, to path: String, lp isLP: Bool) throws(SolverFailure) {
        let problem = try GLPKProblem(model)
        let code: Int32 = try glpkGuarded(isLP ? "glp_write_lp" : "glp_write_mps") {
            glp_set_prob_name(problem.pointer, safe(name, prefix: ""))
            for i in 0 ..< model.rowCount {
                glp_set_row_name(problem.pointer, Int32(i + 1), safe(model.rowNames[i], prefix: "r\(i + 1)_"))
            }
            for j in 0 ..< model.columnCount {
                glp_set_col_name(problem.pointer, Int32(j + 1), safe(model.columnNames[j], prefix: "c\(j + 1)_"))
            }
            return isLP ? glp_write_lp(problem.pointer, nil, path) : glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
        }
        guard code == 0 else {
            throw SolverFailure(operation: "write model", code: code, message: "cannot write \(path)")
        }
    }

    /// ASCII letters, digits and `_.-,[]` only; at most 255 bytes.
    static func safe(_ text: String, prefix: String) -> String {
        var out = prefix
        for scalar in text.unicodeScalars {
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar) || "_.-,[]".unicodeScalars.contains(scalar))
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        return String(out.utf8.prefix(255))!
    }
}
