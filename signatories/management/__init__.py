"""The commands (`commands/`), and `synthetic`: the made-up supporters that
`seed_synthetic` writes for the benchmarks."""
