package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// startProfiles writes a CPU profile to $L10N_CPUPROFILE, when the
// command ends a profile of its allocations to $L10N_MEMPROFILE, and to
// $L10N_PEAKPROFILE the heap profile taken when its heap was largest, for
// contributors who measure the build (docs/benchmarks.md). stop must be
// called once.
func startProfiles(stderr io.Writer) (stop func()) {
	var stops []func()
	if path := os.Getenv("L10N_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "l10n: L10N_CPUPROFILE: %v\n", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("L10N_MEMPROFILE"); path != "" {
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err == nil {
				runtime.GC()
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "l10n: L10N_MEMPROFILE: %v\n", err)
			}
		})
	}
	if path := os.Getenv("L10N_PEAKPROFILE"); path != "" {
		stops = append(stops, peakProfile(path, stderr))
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}

// peakProfile watches the heap every 20 ms and, each time its objects take
// a twentieth more than ever before, writes the heap profile to path (its
// inuse figures are those of the last collection: what was live when the
// heap was largest). It returns the function that stops it.
func peakProfile(path string, stderr io.Writer) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if now := sample[0].Value.Uint64(); now > peak+peak/20 {
				peak = now
				if err := writeHeapProfile(path); err != nil {
					fmt.Fprintf(stderr, "l10n: L10N_PEAKPROFILE: %v\n", err)
					return
				}
			}
		}
	}()
	return func() { close(done); <-stopped }
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
