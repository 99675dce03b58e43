using System.Globalization;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>
/// How a person works the controls of a page: with the mouse (Playwright's clicks and fills) or with the keyboard only.
/// A story written against this class runs either way; the lifecycle runs by the keyboard.
/// </summary>
public abstract class Person
{
    public static Person Mouse { get; } = new MousePerson();

    /// <summary>A new keyboard-only person (it learns once how the browser orders a date's parts).</summary>
    public static Person Keyboard() => new KeyboardPerson();

    /// <summary>Follows a link or presses a button, then waits for the page it brings.</summary>
    public abstract Task ActivateAsync(ILocator target);

    /// <summary>Replaces a field's value by <paramref name="text"/> (a date as yyyy-MM-dd; empty clears it).</summary>
    public abstract Task FillAsync(ILocator field, string text);

    /// <summary>Ticks a checkbox or chooses a radio button.</summary>
    public abstract Task CheckAsync(ILocator box);

    /// <summary>Chooses the option of a list whose text is <paramref name="label"/>.</summary>
    public abstract Task SelectAsync(ILocator list, string label);

    /// <summary>
    /// Chooses an option of a list that shows more on the choice (the municipality's organisations, a period): the
    /// script sends the mouse's choice at once; the keyboard's is sent by Enter, so that the arrow keys stepping
    /// through the options do not leave the page at the first one.
    /// </summary>
    public abstract Task SelectAndShowAsync(ILocator list, string label);

    /// <summary>Attaches a file to a file field.</summary>
    public abstract Task AttachAsync(ILocator fileInput, string path);

    private sealed class MousePerson : Person
    {
        public override async Task ActivateAsync(ILocator target)
        {
            await target.ClickAsync();
            await target.Page.WaitForLoadStateAsync(LoadState.Load);
        }

        public override Task FillAsync(ILocator field, string text) => field.FillAsync(text);

        public override Task CheckAsync(ILocator box) => box.CheckAsync();

        public override Task SelectAsync(ILocator list, string label) =>
            list.SelectOptionAsync(new SelectOptionValue { Label = label });

        public override async Task SelectAndShowAsync(ILocator list, string label)
        {
            await list.SelectOptionAsync(new SelectOptionValue { Label = label });
            await list.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        public override Task AttachAsync(ILocator fileInput, string path) => fileInput.SetInputFilesAsync(path);
    }

    /// <summary>
    /// Tab and Shift+Tab to reach a control, then Enter, Space, the arrow keys and typing. Every control it reaches
    /// must show that it has the focus; a control the keyboard cannot reach fails the story.
    /// </summary>
    private sealed class KeyboardPerson : Person
    {
        private const int MaxPresses = 400;
        private bool? _dayFirst;

        public override async Task ActivateAsync(ILocator target)
        {
            await FocusAsync(target);
            await target.PressAsync("Enter");
            await target.Page.WaitForLoadStateAsync(LoadState.Load);
        }

        public override async Task FillAsync(ILocator field, string text)
        {
            await FocusAsync(field);
            var keyboard = field.Page.Keyboard;
            if (await field.GetAttributeAsync("type") == "date")
            {
                await keyboard.PressAsync("ArrowLeft");
                await keyboard.PressAsync("ArrowLeft");
                if (text.Length == 0)
                {
                    await keyboard.PressAsync("Backspace");
                    await keyboard.PressAsync("ArrowRight");
                    await keyboard.PressAsync("Backspace");
                    await keyboard.PressAsync("ArrowRight");
                    await keyboard.PressAsync("Backspace");
                }
                else
                {
                    var date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var dayFirst = _dayFirst ??= await DayComesFirstAsync(field.Page.Context);
                    await keyboard.TypeAsync(date.ToString(dayFirst ? "ddMMyyyy" : "MMddyyyy", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                await keyboard.PressAsync("Control+A");
                if (text.Length == 0)
                    await keyboard.PressAsync("Delete");
                else
                    await keyboard.TypeAsync(text);
            }
            var value = await field.InputValueAsync();
            if (value != text)
                throw new InvalidOperationException($"Typed «{text}», the field holds «{value}»: {field}");
        }

        public override async Task CheckAsync(ILocator box)
        {
            await FocusAsync(box);
            if (await box.GetAttributeAsync("type") == "radio")
            {
                // Tab enters a group of radio buttons at its chosen one; the arrows move the choice within it.
                for (var presses = 0; !await box.IsCheckedAsync(); presses++)
                {
                    if (presses == 30)
                        throw new InvalidOperationException($"The arrow keys do not reach {box}");
                    await box.Page.Keyboard.PressAsync("ArrowDown");
                }
                await AssertFocusVisibleAsync(box);
            }
            else if (!await box.IsCheckedAsync())
            {
                await box.Page.Keyboard.PressAsync("Space");
            }
            if (!await box.IsCheckedAsync())
                throw new InvalidOperationException($"Space did not tick {box}");
        }

        public override async Task SelectAsync(ILocator list, string label)
        {
            await FocusAsync(list);
            // The options as the list's popup steps through them: the disabled ones are skipped.
            var indexes = await list.EvaluateAsync<int[]>(
                """
                (list, label) => {
                  const enabled = [...list.options].filter(o => !o.disabled);
                  return [enabled.indexOf(list.selectedOptions[0]), enabled.findIndex(o => o.text.trim() === label)];
                }
                """, label);
            var (selected, target) = (indexes[0], indexes[1]);
            if (target < 0)
                throw new InvalidOperationException($"{list} has no option «{label}»");
            if (target == selected)
                return;
            // Alt+↓ opens the list; the arrows move within it without choosing; Enter chooses once.
            var keyboard = list.Page.Keyboard;
            await keyboard.PressAsync("Alt+ArrowDown");
            for (var i = 0; i < Math.Abs(target - selected); i++)
                await keyboard.PressAsync(target > selected ? "ArrowDown" : "ArrowUp");
            await keyboard.PressAsync("Enter");
            var chosen = await list.EvaluateAsync<string>("list => list.selectedOptions[0].text.trim()");
            if (chosen != label)
                throw new InvalidOperationException($"{list}: chose «{chosen}», not «{label}»");
        }

        public override async Task SelectAndShowAsync(ILocator list, string label)
        {
            await SelectAsync(list, label);
            await list.PressAsync("Enter");
            await list.Page.WaitForLoadStateAsync(LoadState.Load);
        }

        public override async Task AttachAsync(ILocator fileInput, string path)
        {
            // A key pressed just as a list's popup closes can be lost (Chromium): Space is pressed again if no file
            // dialog opens.
            for (var attempt = 1; ; attempt++)
            {
                await FocusAsync(fileInput);
                try
                {
                    var chooser = await fileInput.Page.RunAndWaitForFileChooserAsync(
                        () => fileInput.Page.Keyboard.PressAsync("Space"), new() { Timeout = 5_000 });
                    await chooser.SetFilesAsync(path);
                    return;
                }
                catch (TimeoutException) when (attempt < 3)
                {
                }
            }
        }

        /// <summary>
        /// Tab (or Shift+Tab, when the control lies before the focus) until the control has the focus; a radio button
        /// is reached when its group is.
        /// </summary>
        private static async Task FocusAsync(ILocator target)
        {
            await target.WaitForAsync();
            var backwards = false;
            for (var presses = 0; ; presses++)
            {
                var where = await target.EvaluateAsync<string>(
                    """
                    e => {
                      const a = document.activeElement;
                      // Shift+Tab enters a date field at its calendar button, a part of the field that does not show the focus.
                      if (a === e) return e.matches(':focus') ? 'here' : 'inside';
                      if (e.type === 'radio' && a && a.type === 'radio' && a.name === e.name && a.form === e.form) return 'here';
                      if (!a || a === document.body || a === document.documentElement) return 'ahead';
                      return (a.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) ? 'ahead' : 'behind';
                    }
                    """);
                if (where == "here")
                    break;
                if (presses == MaxPresses)
                    throw new InvalidOperationException($"{MaxPresses} presses of Tab do not reach {target}");
                backwards = where == "inside" ? backwards : where == "behind";
                await target.Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            }
            await AssertFocusVisibleAsync(target);
        }

        /// <summary>The focused control is seen to have the focus: an outline or a focus shadow (WCAG 2.4.7).</summary>
        private static async Task AssertFocusVisibleAsync(ILocator target)
        {
            var why = await target.EvaluateAsync<string>(
                """
                e => {
                  const a = document.activeElement;
                  const shown = a.classList.contains('btn-check') && a.labels.length ? a.labels[0] : a;
                  const style = getComputedStyle(shown);
                  const seen = a.matches(':focus-visible')
                    && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
                  return seen ? '' : `hasFocus ${document.hasFocus()}, focus ${a.matches(':focus')}, focus-visible ${a.matches(':focus-visible')}, outline ${style.outlineStyle} ${style.outlineWidth}, `
                    + `box-shadow ${style.boxShadow}: ${a.outerHTML.slice(0, 200)}`;
                }
                """);
            if (why.Length > 0)
                throw new InvalidOperationException($"The focus on {target} is not visible: {why}");
        }

        /// <summary>Whether the browser's date field takes the day before the month (its order follows its locale).</summary>
        private static async Task<bool> DayComesFirstAsync(IBrowserContext context)
        {
            var probe = await context.NewPageAsync();
            try
            {
                await probe.SetContentAsync("<input type=date id=d>");
                await probe.FocusAsync("#d");
                await probe.Keyboard.TypeAsync("01022003");
                return await probe.InputValueAsync("#d") == "2003-02-01";
            }
            finally
            {
                await probe.CloseAsync();
            }
        }
    }
}
