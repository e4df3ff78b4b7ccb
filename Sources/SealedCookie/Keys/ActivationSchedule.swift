import Foundation

/// Which entry of a ring seals at a given time, shared by ``KeyRing`` and
/// ``SessionDictionaryRing``.
///
/// The rule: an entry seals from its activation time on (an entry without one, since forever);
/// at time `t` the entry that seals is the one active at `t` with the latest activation; among
/// entries with the same activation (or none), the first listed. That order of precedence
/// (activation, then listing) also decides re-sealing: a value whose entry ranks below the one
/// that seals now is re-sealed, one whose entry ranks above it (staged here, already active on a
/// node whose clock is ahead) is left alone, so that nodes never seal a value back and forth.
struct ActivationSchedule: Sendable {
    /// Entry indexes (in listing order) from the highest precedence to the lowest.
    private let byPrecedence: [Int]
    /// Each entry's activation, by listing index.
    private let activations: [Date?]
    /// Each entry's rank, by listing index: 0 for the highest precedence.
    private let ranks: [Int]

    init(activations: [Date?]) {
        self.activations = activations
        // Latest activation first; no activation last; ties in listing order (a stable sort).
        let order = activations.indices.sorted { left, right in
            switch (activations[left], activations[right]) {
            case (let a?, let b?): a != b ? a > b : left < right
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): left < right
            }
        }
        var ranks = [Int](repeating: 0, count: activations.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank }
        self.byPrecedence = order
        self.ranks = ranks
    }

    /// The listing index of the entry that seals at `date`, or nil when every entry activates
    /// after it.
    func sealingIndex(at date: Date) -> Int? {
        byPrecedence.first { index in activations[index].map { $0 <= date } ?? true }
    }

    /// The earliest activation, when every entry has one (the time before which nothing seals).
    var firstActivation: Date? {
        byPrecedence.last.flatMap { activations[$0] }
    }

    /// The listing index of the entry that seals once every activation has passed.
    var newestIndex: Int? { byPrecedence.first }

    /// Whether the entry at `index` ranks below the one at `other`: a value sealed under it should
    /// be sealed again under `other`.
    func ranks(_ index: Int, below other: Int) -> Bool {
        ranks[index] > ranks[other]
    }
}
