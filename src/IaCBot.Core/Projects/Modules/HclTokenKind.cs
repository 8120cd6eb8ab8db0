namespace IaCBot.Core.Projects.Modules;

/// <summary>The few kinds of HCL token the module reader tells apart; everything else is <see cref="Other"/>.</summary>
internal enum HclTokenKind
{
    End,
    Newline,
    Identifier,
    String,
    OpenBrace,
    CloseBrace,
    OpenGroup,
    CloseGroup,
    Equals,
    Other,
}
