/// Prints each check of a run as it happens and counts them.
final class Checklist {
    private(set) var passed = 0
    private(set) var failed = 0

    var allPassed: Bool { failed == 0 }

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
}
