// The test classes share one prepared demo dir (prepared by whichever class comes first) and the demo shops' ports.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
