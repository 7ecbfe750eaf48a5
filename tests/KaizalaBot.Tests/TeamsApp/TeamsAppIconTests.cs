using static KaizalaBot.Tests.TeamsApp.TeamsAppFiles;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>The icons meet Teams' rules: colour 192x192 and opaque on the accent colour, outline 32x32 white on transparent.</summary>
public sealed class TeamsAppIconTests
{
    [Fact]
    public void ColorIcon_Is192SquareOpaqueSymbolOnTheAccentColour()
    {
        var icon = Icon("color");
        var accent = Convert.FromHexString(((string)Manifest()["accentColor"]!)[1..]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), pixel => Assert.Equal(255, pixel.A));
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), icon[0, 0]);
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), icon[191, 191]);

        // A white symbol inside the central 96x96 (Teams' safe area), none of it in the padding around it.
        var symbol = Enumerable.Range(0, 192).SelectMany(y => Enumerable.Range(0, 192).Select(x => (x, y)))
            .Where(p => icon[p.x, p.y] is (255, 255, 255, 255)).ToList();
        Assert.InRange(symbol.Count, 96 * 96 / 4, 96 * 96);
        Assert.All(symbol, p => Assert.True(p.x is >= 48 and < 144 && p.y is >= 48 and < 144, $"symbol pixel {p} outside the safe area"));
    }

    [Fact]
    public void OutlineIcon_Is32SquareWhiteOnTransparent()
    {
        var icon = Icon("outline");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(6, icon.ColorType);
        Assert.All(icon.Pixels(), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
        Assert.All(new[] { icon[0, 0], icon[31, 0], icon[31, 31] }, corner => Assert.Equal(0, corner.A));
        var alphas = icon.Pixels().Select(pixel => pixel.A).ToList();
        Assert.InRange(alphas.Count(a => a == 255), 32 * 32 / 8, 32 * 32 / 2);   // a solid symbol…
        Assert.InRange(alphas.Count(a => a == 0), 32 * 32 / 3, 32 * 32);          // …on a transparent background
    }

    private static PngImage Icon(string key)
    {
        var file = (string)Manifest()["icons"]![key]!;
        return PngImage.Decode(File.ReadAllBytes(Path.Combine(TeamsAppFiles.Directory, file)));
    }
}
