/// The sample session documents compiled into the tool, so that a `sealed-cookie` binary copied
/// on its own still has them (a resource bundle would have to travel with it). The texts are
/// generated from `Corpus/*.json` by `scripts/embed-corpus`.
enum BundledCorpus {
    static var documents: [SampleDocument] {
        texts.map { SampleDocument(name: $0.name, origin: "the bundled '\($0.name).json'", bytes: Array($0.json.utf8)) }
    }
}
