namespace KaizalaBot.Migration.Catalog;

/// <summary>The replacement plan families of the partner guidance (architecture §1).</summary>
public enum PlanFamily
{
    Business,
    Frontline,
    Enterprise,
    Education,
}
