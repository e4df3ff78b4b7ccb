# ActiveSupport 6.1 MessageEncryptor (AES-256-GCM, JSON serializer), timed with the protocol in
# README.md. Usage: ruby activesupport.rb CORPUS_DIR (Debian's ruby-activesupport).
require "active_support"
require "active_support/message_encryptor"
require "json"
require "securerandom"

SAMPLES = %w[tiny small medium large].freeze
WARMUP_NS = 200_000_000
BATCH_NS = 1_000_000
BATCHES = 300

ENCRYPTOR = ActiveSupport::MessageEncryptor.new(SecureRandom.random_bytes(32), cipher: "aes-256-gcm", serializer: JSON)

def now_ns
  Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
end

# Warms up, sizes a batch to about BATCH_NS, then times BATCHES batches; returns the fastest and
# the median batch's time per operation, in µs.
def measure
  count = 0
  start = now_ns
  while now_ns - start < WARMUP_NS
    yield
    count += 1
  end
  size = [1, BATCH_NS * count / (now_ns - start)].max
  times = Array.new(BATCHES) do
    batch_start = now_ns
    size.times { yield }
    (now_ns - batch_start) / size.to_f / 1000
  end.sort
  [times[0], times[BATCHES / 2]]
end

sessions = SAMPLES.to_h { |sample| [sample, JSON.parse(File.read("#{ARGV.fetch(0)}/#{sample}.json"))] }
sessions.each do |sample, session|
  abort "activesupport: #{sample} does not survive a round trip" unless
    ENCRYPTOR.decrypt_and_verify(ENCRYPTOR.encrypt_and_sign(session)) == session
end
sessions.each do |sample, session|
  cookie = ENCRYPTOR.encrypt_and_sign(session)
  { "seal" => -> { ENCRYPTOR.encrypt_and_sign(session) },
    "open" => -> { ENCRYPTOR.decrypt_and_verify(cookie) } }.each do |op, run|
    p0, median = measure(&run)
    puts format("peer=activesupport sample=%s op=%s p0_us=%.2f median_us=%.2f length=%d",
                sample, op, p0, median, cookie.length)
    $stdout.flush
  end
end
