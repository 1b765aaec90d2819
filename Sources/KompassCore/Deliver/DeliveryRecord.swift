/// What the state keeps per delivery target (`deliveries` in `state.json`): what is still to be delivered to it,
/// and how the last attempt failed. A publication adds the files it changed; a delivery that succeeds empties
/// the record; one that fails keeps it, so that the next run retries, even when nothing else changed.
public struct DeliveryRecord: Sendable, Equatable, Codable {
    /// The target's destination when the record was made (`DeliveryTarget.destination`): a target that now names
    /// another destination starts over with the complete set.
    public var destination: String
    /// Whether the complete set is to be delivered (the target has never been delivered to).
    public var everything: Bool
    /// The names of the files changed or added since the last delivery, sorted.
    public var pending: [String]
    /// The names of the files removed since the last delivery, sorted.
    public var removed: [String]
    /// When the last delivery succeeded (UTC, ISO 8601).
    public var deliveredAt: String?
    /// The last attempt's failure, while the delivery is pending.
    public var failure: Failure?

    public struct Failure: Sendable, Equatable, Codable {
        /// When the attempt was made (UTC, ISO 8601).
        public var at: String
        /// How many attempts in a row failed.
        public var attempts: Int
        /// What failed, as the run reported it (escaped, bounded, without secrets).
        public var message: String
    }

    /// A record for a target never delivered to: the complete set is pending.
    public init(firstDeliveryTo destination: String) {
        self.destination = destination
        everything = true
        pending = []
        removed = []
    }

    /// Whether something is to be delivered.
    public var isPending: Bool { everything || !pending.isEmpty || !removed.isEmpty || failure != nil }

    /// The record after a publication that changed `changed` and removed `removed`.
    public func adding(changed: some Sequence<String>, removed gone: some Sequence<String>) -> DeliveryRecord {
        var record = self
        let goneSet = Set(gone)
        record.pending = Set(pending).union(changed).subtracting(goneSet).sorted()
        record.removed = Set(removed).subtracting(changed).union(goneSet).sorted()
        return record
    }

    /// The record after a delivery that succeeded at `time`.
    public func delivered(at time: String) -> DeliveryRecord {
        var record = DeliveryRecord(firstDeliveryTo: destination)
        record.everything = false
        record.deliveredAt = time
        return record
    }

    /// The record after an attempt that failed at `time` with `message`.
    public func failed(at time: String, message: String) -> DeliveryRecord {
        var record = self
        record.failure = Failure(at: time, attempts: (failure?.attempts ?? 0) + 1, message: message)
        return record
    }

    /// The records for `targets` after a publication: each target's previous record (a new one for a target never
    /// delivered to, or whose destination changed) with the publication's changes added. Targets no longer
    /// configured are dropped.
    public static func afterPublication(targets: [DeliveryTarget], previous: [String: DeliveryRecord],
                                        changed: [String], removed: [String]) -> [String: DeliveryRecord] {
        var records: [String: DeliveryRecord] = [:]
        for target in targets {
            records[target.name] = current(for: target, in: previous).adding(changed: changed, removed: removed)
        }
        return records
    }

    /// The record of `target` in `records`, or a first delivery's when there is none or it names another destination.
    public static func current(for target: DeliveryTarget, in records: [String: DeliveryRecord]) -> DeliveryRecord {
        guard let record = records[target.name], record.destination == target.destination else {
            return DeliveryRecord(firstDeliveryTo: target.destination)
        }
        return record
    }
}
