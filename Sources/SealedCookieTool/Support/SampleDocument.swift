/// A session document to measure, not yet checked to be JSON.
struct SampleDocument {
    /// The name shown in reports: the file name without `.json`.
    let name: String
    /// Where it comes from, for error messages.
    let origin: String
    let bytes: [UInt8]
}
