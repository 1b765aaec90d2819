import Foundation

/// Reads a source on a thread of its own, ahead of whoever consumes its records: the importer tokenizes
/// and decodes the next records while the caller normalises the ones before (the two halves of reading a
/// source take about the same time, so two cores read it in about half the time).
///
/// The records reach `consume` on the calling thread, one at a time and in source order, exactly as from
/// `importer.read` itself; memory stays bounded (at most `capacity` batches wait between the two). An
/// error of the importer is rethrown here; an error of `consume` stops the importer and is rethrown.
enum ImportAhead {
    static let batchSize = 256
    static let capacity = 8

    static func read(_ importer: any RecordImporter, _ request: ImportRequest,
                     consume: (RawRecord) throws -> Void) throws -> [Finding] {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return try importer.read(request, emit: consume) }
        let channel = RecordChannel(capacity: capacity)
        let reader = Thread {
            var batch: [RawRecord] = []
            batch.reserveCapacity(batchSize)
            do {
                let findings = try importer.read(request) { record in
                    batch.append(record)
                    if batch.count == batchSize {
                        guard channel.put(batch) else { throw RecordChannel.Cancelled() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = channel.put(batch) }
                channel.finish(.success(findings))
            } catch {
                channel.finish(.failure(error))
            }
        }
        reader.stackSize = 8 << 20
        reader.start()
        do {
            while let batch = channel.take() {
                for record in batch { try consume(record) }
            }
        } catch {
            channel.cancel()
            _ = try? channel.result()
            throw error
        }
        return try channel.result()
    }
}

/// Batches of records from the reading thread to the consuming one, at most `capacity` waiting.
final class RecordChannel: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var batches: [[RawRecord]] = []
    private var head = 0
    private let capacity: Int
    private var cancelled = false
    private var outcome: Result<[Finding], any Error>?

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room, then hands `batch` over; false when the consumer gave up.
    func put(_ batch: [RawRecord]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, waiting for it; nil when the reader has finished and everything was taken.
    func take() -> [RawRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count && outcome == nil { condition.wait() }
        guard head < batches.count else { return nil }
        let batch = batches[head]
        batches[head] = []
        head += 1
        if head > 64 && head * 2 > batches.count {
            batches.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return batch
    }

    func finish(_ result: Result<[Finding], any Error>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The reader's findings, or its error, once it has finished.
    func result() throws -> [Finding] {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return try outcome!.get()
    }
}
