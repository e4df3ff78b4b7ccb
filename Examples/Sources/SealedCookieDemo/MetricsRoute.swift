import CoreMetrics
import Hummingbird
import NIOCore
import Prometheus
import SealedCookieExampleApp

/// The node's metrics for Prometheus: swift-metrics bootstrapped with a swift-prometheus registry,
/// served at `GET /metrics` in Prometheus' text format. The Metrics article shows this file.
enum MetricsRoute {
    /// Buckets in bytes for `sealed_cookie_set_cookie_bytes`, with edges at and near the 4,096-byte
    /// cookie budget, which swift-prometheus' default value buckets (5 to 10,000) lack.
    static let setCookieBytesBuckets: [Double] = [256, 512, 1024, 2048, 3072, 3584, 4096, 6144, 8192]

    /// Bootstraps `MetricsSystem` with a new registry and returns it. Call once per process, before
    /// the session configuration and revocation list are made: each makes its metrics when it is
    /// made, from the factory bootstrapped then.
    static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets["sealed_cookie_set_cookie_bytes"] = setCookieBytesBuckets
        MetricsSystem.bootstrap(factory)
        return registry
    }

    /// Adds `GET /metrics`, outside the session middleware: a scrape neither needs nor counts a
    /// session. Always on in the example node, which listens on loopback only; a real app serves
    /// it to the scraper alone (another port, or the proxy's access rules), since it tells how
    /// many users the app has.
    static func add(to router: Router<ExampleContext>, registry: PrometheusCollectorRegistry) {
        router.get("metrics") { _, _ in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
