/// A stack of values in memory lent by the caller (a stack allocation, ``init(borrowing:)``)
/// that moves to the heap if it outgrows it: the streaming encoder's open frames and object
/// entries, without two array allocations per `encode`. The owner calls ``release()``.
struct ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private var ownsBase = false

    /// An empty stack with no room: the first push allocates.
    init() {
        // Never dereferenced while the capacity is 0.
        base = UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
        capacity = 0
    }

    init(borrowing buffer: UnsafeMutableBufferPointer<Element>) {
        self.init()
        if let address = buffer.baseAddress {
            base = address
            capacity = buffer.count
        }
    }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count)
            return base[index]
        }
        nonmutating _modify {
            precondition(index >= 0 && index < count)
            yield &base[index]
        }
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return (base + count).move()
    }

    /// Removes the elements from `start` on.
    mutating func removeAll(from start: Int) {
        precondition(start >= 0 && start <= count)
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// The index of the last element that satisfies `predicate`.
    func lastIndex(where predicate: (Element) -> Bool) -> Int? {
        var index = count - 1
        while index >= 0 {
            if predicate(base[index]) { return index }
            index -= 1
        }
        return nil
    }

    private mutating func grow() {
        let newCapacity = max(capacity * 2, 16)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        if ownsBase { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsBase = true
    }

    /// Empties the stack and gives back what it holds; usable again afterwards (it allocates).
    mutating func release() {
        removeAll(from: 0)
        if ownsBase { base.deallocate() }
        self = ScratchStack()
    }
}
