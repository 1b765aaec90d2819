import Foundation
import Testing
@testable import KompassCore

/// The feeds give an item the time of the run that detected it; items of older states (a date only) keep midnight.
@Suite struct FeedItemTimeTests {
    static let date = FeedItemAndHistoryWordingTests.date

    static func context() throws -> ExportContext { try FeedItemAndHistoryWordingTests.context() }

    @Test func aTimestampReadsBackWhatItWrites() throws {
        for text in ["2026-12-01T14:05:09+01:00", "2026-07-01T00:00:00+02:00", "2026-12-01T13:05:09Z", "1999-01-31T23:59:59-05:30"] {
            let timestamp = try #require(Timestamp(iso8601: text))
            #expect(timestamp.iso8601 == text.replacingOccurrences(of: "Z", with: "+00:00"))
        }
        #expect(Timestamp(iso8601: "2026-12-01T14:05:09+01:00")?.date == Timestamp(iso8601: "2026-12-01T13:05:09Z")?.date)
        for bad in ["2026-12-01", "2026-12-01T14:05+01:00", "2026-12-01T24:00:00Z", "2026-02-30T10:00:00Z",
                    "2026-12-01T14:05:09.5Z", "2026-12-01 14:05:09Z", "2026-12-01T14:05:09+0100"] {
            #expect(Timestamp(iso8601: bad) == nil, "\(bad)")
        }
        let late = try #require(Timestamp(iso8601: "2026-11-30T23:30:00Z"))
        #expect(late.day(in: Pipeline.cantonZone) == CalendarDate(iso: "2026-12-01"))
    }

    @Test func anItemHasTheTimeOfItsRunInWholeSeconds() throws {
        let run = Timestamp(date: Date(timeIntervalSince1970: 1_796_130_309.75), zone: Pipeline.cantonZone)
        let item = FeedItem(ProjectChange(kind: .added, projectID: "a", title: "A"), date: Self.date, detected: run,
                            context: try Self.context(), project: nil)
        #expect(item.time(in: Pipeline.cantonZone).iso8601 == run.iso8601)
        #expect(item.time(in: Pipeline.cantonZone).rfc822.hasSuffix(":09 +0100"))
        let encoded = try JSONEncoder().encode(item)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""detected":"\#(run.iso8601)""#))
        #expect(try JSONDecoder().decode(FeedItem.self, from: encoded) == item)
    }

    @Test func anItemOfAnOlderStateShowsMidnightOfItsDate() throws {
        let json = #"{"date":"2026-12-01","guid":"g","link":"https://example.org/","summary":"s","title":"t"}"#
        let item = try JSONDecoder().decode(FeedItem.self, from: Data(json.utf8))
        #expect(item.detected == nil)
        #expect(item.time(in: Pipeline.cantonZone).iso8601 == "2026-12-01T00:00:00+01:00")
    }

    @Test func withoutARunTimeTheRunIsAtMidnightOfItsDate() {
        var options = RunOptions(referenceDate: Self.date)
        #expect(options.detectionTime(in: Pipeline.cantonZone).iso8601 == "2026-12-01T00:00:00+01:00")
        options.runTime = Timestamp(iso8601: "2026-12-01T09:30:00Z")?.date
        #expect(options.detectionTime(in: Pipeline.cantonZone).iso8601 == "2026-12-01T10:30:00+01:00")
    }
}
