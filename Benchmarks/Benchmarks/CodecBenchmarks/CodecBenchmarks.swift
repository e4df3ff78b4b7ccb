import Benchmark
import Foundation
@_spi(Benchmarks) import SealedCookie

/// For each sample size and each compression mode (none, deflate, zstd with the sample
/// dictionary, zstd with the generic one, the default): seal and open (every open in full, no
/// cache of opened values, and once with the default's cache: "open … generic cached"); the
/// codec alone on pre-serialized bytes; the full Set-Cookie /
/// Cookie header round trip; the floor (libsodium AEAD + libsodium base64url alone over the same
/// serialized bytes); and each stage of the pipeline, all in the same run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(1),
        maxIterations: 100_000
    )
    for size in Corpus.sizes {
        codecBenchmarks(size)
        headerBenchmarks(size)
        floorBenchmarks(size)
        sealStageBenchmarks(size)
        openStageBenchmarks(size)
    }
}

/// The codec as an application uses it (Codable session, JSON), and on bytes already serialized.
func codecBenchmarks(_ size: String) {
    let session = Corpus.session(size)
    for mode in Fixtures.Mode.allCases {
        let codec = Fixtures.codec(mode)
        Benchmark("seal \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try codec.seal(session))
            }
        }
        let value = Fixtures.seal(session, with: codec)
        Benchmark("open \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try codec.open(value).session)
            }
        }
    }
    let cached = Fixtures.cachedCodec()
    let cachedValue = Fixtures.seal(session, with: cached)
    Benchmark("open \(size) generic cached") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try cached.open(cachedValue).session)
        }
    }
    let serialized = Fixtures.serialized(session)
    for mode in [Fixtures.Mode.deflate, .zstd] {
        let bytesCodec = Fixtures.bytesCodec(mode)
        Benchmark("codec only seal \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try bytesCodec.seal(serialized))
            }
        }
        let bytesValue = Fixtures.seal(serialized, with: bytesCodec)
        Benchmark("codec only open \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try bytesCodec.open(bytesValue).session)
            }
        }
    }
}

/// libsodium AEAD + libsodium base64url over the serialized session, nothing else.
func floorBenchmarks(_ size: String) {
    let floor = Floor()
    let serialized = Fixtures.serialized(Corpus.session(size))
    Benchmark("floor seal \(size)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(floor.seal(serialized))
        }
    }
    let value = floor.seal(serialized)
    Benchmark("floor open \(size)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(floor.open(value))
        }
    }
}

/// seal, one stage at a time: serialize, compress (deflate and zstd), seal (header, nonce and
/// AEAD over the compressed payload), encode.
func sealStageBenchmarks(_ size: String) {
    let session = Corpus.session(size)
    let plain = Fixtures.codec(.uncompressed)
    let serialized = Fixtures.serialized(session)
    Benchmark("stage seal 1 serialize \(size)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try plain.serializeStage(session))
        }
    }
    for mode in [Fixtures.Mode.deflate, .zstd] {
        let codec = Fixtures.codec(mode)
        Benchmark("stage seal 2 compress \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(codec.compressStage(serialized))
            }
        }
    }
    let payload = Fixtures.codec(.zstd).compressStage(serialized) ?? serialized
    let envelope = Fixtures.envelope(payload, with: plain)
    Benchmark("stage seal 3 AEAD \(size) zstd") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try plain.envelopeStage((payload, [])))
        }
    }
    Benchmark("stage seal 4 encode \(size) zstd") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SessionCodec<SampleSession>.encodeStage(envelope))
        }
    }
}

/// open, one stage at a time: decode, open (header checks, AEAD, decompression), decompression
/// alone (deflate and zstd), deserialize.
func openStageBenchmarks(_ size: String) {
    let session = Corpus.session(size)
    let codec = Fixtures.codec(.zstd)
    let value = Fixtures.seal(session, with: codec)
    let envelope = SessionCodec<SampleSession>.decodeStage(value) ?? []
    let serialized = Fixtures.serialized(session)
    Benchmark("stage open 1 decode \(size) zstd") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SessionCodec<SampleSession>.decodeStage(value))
        }
    }
    Benchmark("stage open 2 AEAD and decompress \(size) zstd") { benchmark in
        // Decryption is in place, so each iteration opens a fresh copy of the envelope; the
        // copy is made before measurement of the batch.
        var copies = Array(repeating: envelope, count: benchmark.scaledIterations.count)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(try codec.openEnvelopeStage(&copies[index]))
        }
    }
    for mode in [Fixtures.Mode.deflate, .zstd] {
        let codec = Fixtures.codec(mode)
        let compressed = codec.compressStage(serialized) ?? []
        Benchmark("stage open 2b decompress \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try codec.decompressStage(compressed))
            }
        }
    }
    let serializer = JSONSessionSerializer<SampleSession>()
    Benchmark("stage open 3 deserialize \(size)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try serializer.deserialize(serialized))
        }
    }
}
