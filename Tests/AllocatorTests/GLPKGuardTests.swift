import GLPKShim
import XCTest
@testable import Allocator

/// GLPK reacts to a bad argument by calling its error hook and then abort().
/// These tests provoke that on purpose and show it becomes a Swift error.
final class GLPKGuardTests: XCTestCase {
    func testOutOfRangeColumnBecomesSolverFailureNotAbort() throws {
        XCTAssertThrowsError(try glpkGuarded("glp_set_col_bnds") {
            let lp = glp_create_prob()
            glp_add_cols(lp, 1)
            glp_set_col_bnds(lp, 5, GLP_DB, 0, 1)
        }) { error in
            let failure = error as? SolverFailure
            XCTAssertEqual(failure?.operation, "glp_set_col_bnds")
            XCTAssertTrue(failure?.message.contains("out of range") ?? false, "\(String(describing: failure))")
        }
    }

    func testGLPKIsUsableAgainAfterAFailure() throws {
        let before = allocate_glpk_generation()
        _ = try? glpkGuarded("glp_add_rows") {
            let lp = glp_create_prob()
            glp_add_rows(lp, -1)
        }
        XCTAssertEqual(allocate_glpk_generation(), before + 1, "the environment was freed after the error")
        var model = LinearModel()
        let a = model.addColumn(objective: 2, name: "a")
        let b = model.addColumn(objective: 3, name: "b")
        model.addRow(name: "r", lower: nil, upper: 1, entries: [(a, 1), (b, 1)])
        let outcome = try GLPKSolver(mipGap: 0, timeLimit: 10).solve(model)
        XCTAssertEqual(outcome.columns, [b])
        XCTAssertEqual(outcome.termination, .searchComplete)
    }

    func testProblemCreatedBeforeAFailureIsNotDeletedTwice() throws {
        var model = LinearModel()
        _ = model.addColumn(objective: 1, name: "a")
        var problem: GLPKProblem? = try GLPKProblem(model)
        _ = try? glpkGuarded("glp_set_obj_coef") {
            let lp = glp_create_prob()
            glp_set_obj_coef(lp, 3, 1)
        }
        XCTAssertFalse(problem!.isAlive)
        problem = nil
    }
}
