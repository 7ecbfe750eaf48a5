// Preloaded into Azurite by the test fixture (node --require): the fixture holds our stdin open, so when the test
// process ends without disposing the fixture (a crash, a killed `dotnet test`), stdin reaches end-of-file and this
// exits instead of leaving an orphaned Azurite behind.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
