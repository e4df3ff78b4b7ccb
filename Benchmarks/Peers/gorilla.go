// gorilla/securecookie (JSONEncoder, AES-256-CTR + HMAC-SHA256), timed with the protocol in
// README.md. Usage: gorilla CORPUS_DIR. Built in GOPATH mode against Debian's
// golang-github-gorilla-securecookie-dev (see scripts/peer-benchmarks).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"time"

	"github.com/gorilla/securecookie"
)

var samples = []string{"tiny", "small", "medium", "large"}

const (
	warmup    = 200 * time.Millisecond
	batchTime = time.Millisecond
	batches   = 300
)

// Sinks keep the compiler from dropping results nobody reads.
var (
	sinkCookie  string
	sinkSession map[string]interface{}
)

// MaxLength(0): the default 4096 limit refuses the large sample (about 5.4 K characters).
var codec = securecookie.New(securecookie.GenerateRandomKey(32), securecookie.GenerateRandomKey(32)).
	SetSerializer(securecookie.JSONEncoder{}).
	MaxLength(0)

func seal(session map[string]interface{}) string {
	cookie, err := codec.Encode("session", session)
	if err != nil {
		fail("seal: %v", err)
	}
	return cookie
}

func open(cookie string) map[string]interface{} {
	var session map[string]interface{}
	if err := codec.Decode("session", cookie, &session); err != nil {
		fail("open: %v", err)
	}
	return session
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "gorilla: "+format+"\n", args...)
	os.Exit(1)
}

// measure warms up, sizes a batch to about batchTime, then times `batches` batches; it returns
// the fastest and the median batch's time per operation, in µs.
func measure(op func()) (float64, float64) {
	count := 0
	start := time.Now()
	for time.Since(start) < warmup {
		op()
		count++
	}
	size := int(batchTime * time.Duration(count) / time.Since(start))
	if size < 1 {
		size = 1
	}
	times := make([]float64, batches)
	for b := range times {
		batchStart := time.Now()
		for i := 0; i < size; i++ {
			op()
		}
		times[b] = float64(time.Since(batchStart).Nanoseconds()) / float64(size) / 1000
	}
	sort.Float64s(times)
	return times[0], times[batches/2]
}

func main() {
	sessions := make([]map[string]interface{}, len(samples))
	for i, sample := range samples {
		data, err := os.ReadFile(os.Args[1] + "/" + sample + ".json")
		if err != nil {
			fail("%v", err)
		}
		if err := json.Unmarshal(data, &sessions[i]); err != nil {
			fail("%s: %v", sample, err)
		}
		if !reflect.DeepEqual(open(seal(sessions[i])), sessions[i]) {
			fail("%s does not survive a round trip", sample)
		}
	}
	for i, sample := range samples {
		session := sessions[i]
		cookie := seal(session)
		ops := []struct {
			name string
			run  func()
		}{
			{"seal", func() { sinkCookie = seal(session) }},
			{"open", func() { sinkSession = open(cookie) }},
		}
		for _, op := range ops {
			p0, median := measure(op.run)
			fmt.Printf("peer=gorilla sample=%s op=%s p0_us=%.2f median_us=%.2f length=%d\n",
				sample, op.name, p0, median, len(cookie))
		}
	}
}
