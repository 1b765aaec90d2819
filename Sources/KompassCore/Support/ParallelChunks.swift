import Foundation

/// Work over `0..<count` split into one contiguous range per core, each range on its own thread, the
/// results joined in range order: the same result as one pass from start to end, in about half the time
/// on two cores. Small inputs run in one pass on the calling thread.
enum ParallelChunks {
    /// Below this many elements a second thread does not pay.
    static let minimumPerChunk = 2_048

    /// The ranges `0..<count` is split into: at most one per active core.
    static func ranges(_ count: Int, minimumPerChunk: Int = ParallelChunks.minimumPerChunk) -> [Range<Int>] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = max(1, min(cores, count / max(1, minimumPerChunk)))
        let size = (count + chunks - 1) / max(chunks, 1)
        return stride(from: 0, to: count, by: max(size, 1)).map { $0..<min($0 + size, count) }
    }

    /// `transform` applied to each range, the results concatenated in range order.
    static func map<Element: Sendable>(_ count: Int, minimumPerChunk: Int = ParallelChunks.minimumPerChunk,
                                       _ transform: @Sendable (Range<Int>) -> [Element]) -> [Element] {
        let ranges = ranges(count, minimumPerChunk: minimumPerChunk)
        guard ranges.count > 1 else { return ranges.first.map(transform) ?? [] }
        let slots = Slots<[Element]>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            slots.set(index, transform(ranges[index]))
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    /// One result per range, written from the worker threads under a lock.
    final class Slots<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Value?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [Value?] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }
}
