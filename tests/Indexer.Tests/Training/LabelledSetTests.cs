using Pursearch.Indexer.Training;
using Pursearch.Indexer.Training.Identification;
using Pursearch.Indexer.Training.Sets;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Imaging;

namespace Pursearch.Indexer.Tests.Training;

public sealed class LabelledSetTests
{
    [Fact]
    public void Reads_a_forge_layout_with_sidecars_negatives_and_catalog()
    {
        using var scratch = new ScratchFolder();
        ToySet.Write(scratch.Path, trainPerClass: 2, heldOutPerClass: 1, negativesPerSplit: 1);

        var layout = TrainingSetLayout.Locate(scratch.Path);
        var photos = LabelledSetReader.Read(layout.TrainDirectory);

        Assert.NotNull(layout.HeldOutDirectory);
        Assert.NotNull(layout.CatalogPath);
        Assert.Equal(new SetManifest("toy-1", 5), SetManifest.Read(layout.ManifestPath));
        Assert.Equal(5, photos.Count);
        var negative = Assert.Single(photos, p => p.IsNegative);
        Assert.Empty(negative.Bags);
        Assert.Equal(HeadClass.NotHandbagSlug, negative.ClassSlug);
        var disc = photos.First(p => p.ClassSlug == "toy/red-disc");
        Assert.True(disc.Boxed);
        Assert.Equal(("Toy", "red-disc"), (disc.Brand, disc.Style));
        Assert.True(disc.PrimaryBag!.Box.W > 0.2);
        Assert.Equal(8, CatalogShot.ReadCatalog(layout.CatalogPath!).Count);
        Assert.All(CatalogShot.ReadCatalog(layout.CatalogPath!), s => Assert.True(File.Exists(s.ImagePath)));
    }

    [Fact]
    public void A_plain_image_folder_without_sidecars_gives_unboxed_photos_named_by_their_folders()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.Combine("acme", "tote"));
        File.WriteAllBytes(scratch.Combine("acme", "tote", "a.jpg"), [1]);
        File.WriteAllBytes(scratch.Combine("acme", "tote", "notes.txt"), [1]);

        var layout = TrainingSetLayout.Locate(scratch.Path);
        var photo = Assert.Single(LabelledSetReader.Read(layout.TrainDirectory));

        Assert.Null(layout.HeldOutDirectory);
        Assert.Equal(("acme/tote", "acme", "tote", false), (photo.ClassSlug, photo.Brand, photo.Style, photo.Boxed));
        Assert.Null(photo.PrimaryBag);
    }

    [Fact]
    public void Bad_sets_are_reported_with_the_file_at_fault()
    {
        using var scratch = new ScratchFolder();
        Assert.Throws<TrainingSetException>(() => TrainingSetLayout.Locate(scratch.Combine("missing")));
        Assert.Throws<TrainingSetException>(() => LabelledSetReader.Read(scratch.Path));

        Directory.CreateDirectory(scratch.Combine("flat"));
        File.WriteAllBytes(scratch.Combine("flat", "a.jpg"), [1]);
        var misplaced = Assert.Throws<TrainingSetException>(() => LabelledSetReader.Read(scratch.Path));
        Assert.Contains("a.jpg", misplaced.Message);

        File.Delete(scratch.Combine("flat", "a.jpg"));
        Directory.CreateDirectory(scratch.Combine("acme", "tote"));
        File.WriteAllBytes(scratch.Combine("acme", "tote", "b.jpg"), [1]);
        File.WriteAllText(scratch.Combine("acme", "tote", "b.json"),
            """{ "bags": [ { "class": "acme/tote", "box": { "x": 0.9, "y": 0, "w": 0.5, "h": 0.5 } } ] }""");
        var outside = Assert.Throws<TrainingSetException>(() => LabelledSetReader.Read(scratch.Path));
        Assert.Contains("b.json", outside.Message);

        File.WriteAllText(scratch.Combine("acme", "tote", "b.json"),
            """{ "bags": [ { "class": "other/bag", "box": { "x": 0, "y": 0, "w": 0.5, "h": 0.5 } } ] }""");
        Assert.Contains("filed under acme/tote", Assert.Throws<TrainingSetException>(() => LabelledSetReader.Read(scratch.Path)).Message);
    }

    [Fact]
    public void The_validation_split_is_stable_and_near_the_asked_fraction()
    {
        var photos = Enumerable.Range(0, 400)
            .Select(i => new LabelledPhoto($"/x/p{i}.jpg", "a/b", "A", "B", [], Boxed: false)).ToList();

        var (fit, validation) = ValidationSplit.Split(photos, 0.2);
        var (_, again) = ValidationSplit.Split([.. photos.AsEnumerable().Reverse()], 0.2);

        Assert.Equal(400, fit.Count + validation.Count);
        Assert.InRange(validation.Count, 60, 100);
        Assert.Equal(validation.Select(p => p.ImagePath).Order(), again.Select(p => p.ImagePath).Order());
        Assert.Throws<TrainingSetException>(() => ValidationSplit.Split(photos.Take(1).ToList(), 0.2));
    }

    [Fact]
    public void Identification_examples_cover_bags_jitter_and_negatives_repeatably()
    {
        var bag = new LabelledBag("a/b", "A", "B", new NormalizedBox(0.3, 0.3, 0.2, 0.2), Primary: true);
        var second = new LabelledBag("c/d", "C", "D", new NormalizedBox(0.7, 0.7, 0.1, 0.1), Primary: false);
        LabelledPhoto[] photos =
        [
            new("/x/1.jpg", "a/b", "A", "B", [bag, second], Boxed: true),
            new("/x/2.jpg", HeadClass.NotHandbagSlug, "", "", [], Boxed: true),
            new("/x/3.jpg", "a/b", "A", "B", [], Boxed: false),
        ];
        var options = new IdentificationTrainingOptions { JitteredCropsPerBag = 2, RegionsPerNegative = 3 };

        var examples = IdentificationExamples.ForPhotos(photos, options, 896);

        Assert.Equal(2 + 2 + 4 + 1, examples.Count);
        Assert.Equal(3, examples.Count(e => e.Region.ImagePath == "/x/1.jpg" && e.ClassSlug == "a/b"));
        Assert.Single(examples, e => e.ClassSlug == "c/d");
        Assert.Equal(4, examples.Count(e => e.ClassSlug == HeadClass.NotHandbagSlug));
        Assert.Contains(examples, e => e.Region.ImagePath == "/x/2.jpg" && e.Region.Box == NormalizedBox.Full);
        Assert.Equal(NormalizedBox.Full, examples.Single(e => e.Region.ImagePath == "/x/3.jpg").Region.Box);
        Assert.All(examples, e => Assert.Equal(896, e.Region.DecodeMinSide));
        Assert.Equal(examples, IdentificationExamples.ForPhotos(photos, options, 896));
        var classes = HeadClasses.From(photos);
        Assert.Equal(["a/b", "c/d", HeadClass.NotHandbagSlug], classes.Select(c => c.Slug));
    }

    [Fact]
    public void Jittered_boxes_stay_in_the_image_and_near_the_original()
    {
        var jitter = new BoxJitter(shift: 0.1, scale: 0.2);
        var box = new NormalizedBox(0.8, 0.8, 0.2, 0.2);
        var random = new Random(1);

        for (var i = 0; i < 200; i++)
        {
            var moved = jitter.Apply(box, random);
            Assert.InRange(moved.Right, 0, 1 + 1e-9);
            Assert.InRange(moved.Bottom, 0, 1 + 1e-9);
            Assert.True(moved.IntersectionOverUnion(box) > 0.4);
            var region = BoxJitter.RandomRegion(random);
            Assert.InRange(region.W, 0.15, 0.65 + 1e-9);
        }
    }
}
