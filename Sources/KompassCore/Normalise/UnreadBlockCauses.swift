/// Links the register's findings to the page text's errors they follow from.
///
/// A project block that could not be read (an unknown heading, a missing text) gets no identifier from the
/// register, so its entry looks unused and the project looks missing from the publication. Both are
/// consequences of the block's first error: the entry's `register.unused` names it as its cause
/// (`causedBy`) and asks for it to be fixed first (not for the register line to change), and the shrink guard
/// passes that cause on to the project it would miss. Positions only explain here; they never give a block an
/// identifier (see `RegisterMatcher`).
enum UnreadBlockCauses {
    /// `findings` with each `register.unused` of an entry whose block (at the entry's position, without an
    /// identifier of its own) has an error linked to that block's first error; the page text's errors inside a
    /// named block name its project.
    static func link(_ findings: [Finding], drafts: [DraftProject], register: ProjectRegister, pageFile: String) -> [Finding] {
        guard !drafts.isEmpty else { return findings }
        let starts = drafts.map(\.origins.record.line)
        /// The block a line of the page falls in.
        func block(of location: SourceLocation?) -> Int? {
            guard let location, location.file == pageFile, location.line >= starts[0] else { return nil }
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= location.line { low = middle } else { high = middle - 1 }
            }
            return low
        }
        var firstError: [Int: FindingReference] = [:]
        var linked = findings
        for index in linked.indices {
            guard let number = block(of: linked[index].location) else { continue }
            if linked[index].projectID == nil, let id = drafts[number].id { linked[index].projectID = id.rawValue }
            if linked[index].severity == .error, linked[index].causedBy == nil, firstError[number] == nil {
                firstError[number] = FindingReference(linked[index])
            }
        }
        let entries = Dictionary(register.entries.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        for index in linked.indices where linked[index].ruleID == .registerUnused && linked[index].causedBy == nil {
            guard let id = linked[index].projectID, let entry = entries[id], drafts.indices.contains(entry.position - 1),
                  drafts[entry.position - 1].id == nil, let cause = firstError[entry.position - 1] else { continue }
            // The consequence of the block's error: its hint asks for that error to be fixed, not for the register to change.
            linked[index] = RegisterMatcher.unused(entry, causedBy: cause)
        }
        return linked
    }
}
