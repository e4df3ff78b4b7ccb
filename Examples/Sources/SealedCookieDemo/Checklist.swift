/// Prints each check of a run as it happens and counts them, with the limitations the run
/// showed: true statements about what a setup does not guarantee, neither passed nor failed.
final class Checklist {
    private(set) var passed = 0
    private(set) var failed = 0
    private(set) var limitations = 0

    var allPassed: Bool { failed == 0 }

    /// The closing line: `N passed, M failed`, and the limitations stated, if any.
    var summary: String {
        let counts = "\(passed) checks passed, \(failed) failed"
        return limitations == 0
            ? counts : "\(counts); \(limitations) limitation\(limitations == 1 ? "" : "s") stated (LIMITATION above)"
    }

    /// Records `condition`, printing `text` and, when it fails, `detail`.
    @discardableResult
    func check(_ condition: Bool, _ text: String, detail: @autoclosure () -> String = "") -> Bool {
        if condition {
            passed += 1
        } else {
            failed += 1
            print("   FAILED: \(text)\(detail().isEmpty ? "" : " (\(detail()))")")
        }
        return condition
    }

    /// States what the setup just shown does not guarantee, so the reader is not left to infer it.
    func limitation(_ text: String) {
        limitations += 1
        print("   LIMITATION: \(text)")
    }
}
