#!/usr/bin/env bash
# Builds the solution once, runs every test project under tests/ without rebuilding, and ends with one
# line "tests: N passed, N failed, N skipped". Exits non-zero if the build or any test fails.
# TEST_FILTER, if set, is passed to dotnet test --filter.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
config="${CONFIGURATION:-Release}"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

start=$SECONDS
if ! dotnet build Pursearch.sln -c "$config" --nologo -v minimal -clp:"Summary;ErrorsOnly"; then
  echo "tests: build failed"
  exit 1
fi
echo "build: $((SECONDS - start)) s"

passed=0 failed=0 skipped=0 broken=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  log="$logs/$name.log"
  t0=$SECONDS
  args=(test "$project" -c "$config" --no-build --nologo)
  [[ -n "${TEST_FILTER:-}" ]] && args+=(--filter "$TEST_FILTER")
  dotnet "${args[@]}" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  summary="$(grep -E '(Passed|Failed)!  ?- ' "$log" | tail -1)"
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")
  f=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$summary")
  s=$(sed -nE 's/.*Skipped: *([0-9]+).*/\1/p' <<<"$summary")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [[ $rc -ne 0 || -z "$summary" ]]; then
    broken=$((broken + 1))
    echo "$name: FAILED (exit $rc) in $((SECONDS - t0)) s"
  else
    echo "$name: ${p:-0} passed in $((SECONDS - t0)) s"
  fi
done

echo "total: $((SECONDS - start)) s"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[[ $broken -eq 0 && $failed -eq 0 ]]
