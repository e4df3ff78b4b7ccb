/// A one-line progress indication on standard error, redrawn in place.
struct Progress {
    let total: Int
    let isEnabled: Bool

    func update(_ done: Int, _ item: String) {
        guard isEnabled else { return }
        Diagnostics.write("\r\u{1B}[2K  measuring \(done)/\(total) (\(done * 100 / max(total, 1))%): \(item)")
    }

    func finish() {
        guard isEnabled else { return }
        Diagnostics.write("\r\u{1B}[2K")
    }
}
