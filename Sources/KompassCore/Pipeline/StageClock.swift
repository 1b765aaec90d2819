import Foundation

/// Measures the wall time of a run's stages: each `start` ends the stage before it.
struct StageClock {
    private var timings: [StageTiming] = []
    private var current: (stage: String, began: UInt64)?

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    mutating func start(_ stage: String) {
        let now = StageClock.now()
        if let current { timings.append(StageTiming(stage: current.stage, seconds: Double(now - current.began) / 1e9)) }
        current = (stage, now)
    }

    mutating func finish() -> [StageTiming] {
        start("")
        current = nil
        return timings
    }
}
