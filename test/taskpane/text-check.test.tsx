/** @jest-environment jsdom */
// The Drafts step's own-text check: what a user types is checked as they type.

import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { TextCheck } from "../../src/taskpane/TextCheck";
import { DraftsStep } from "../../src/taskpane/DraftsStep";
import { stringsFor } from "../../src/taskpane/strings";
import { analyzeWorkbook } from "../../src/core/analysis";
import { installDomStubs, sampleSnapshot } from "./fake-host";

installDomStubs();

function renderCheck(locale: "zh-CN" | "en-US") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TextCheck s={stringsFor(locale)} locale={locale} />
    </FluentProvider>,
  );
}

async function type(text: string) {
  await act(async () => { fireEvent.change(screen.getByTestId("own-text"), { target: { value: text } }); });
}

const findings = () => screen.getAllByTestId("own-text-finding").map((li) => [li.getAttribute("data-rule"), li.textContent]);

test("zh-CN: empty, then a promise, then an honest reply", async () => {
  renderCheck("zh-CN");
  expect(screen.getByTestId("own-text-findings")).toHaveTextContent("输入文字后显示检查结果。");
  await type("您放心，这只产品一定能回本的，我行将给予适当补偿。");
  const box = screen.getByTestId("own-text-findings");
  expect(box).toHaveAttribute("data-count", "2");
  expect(within(box).getByText("合规检查发现 2 处问题，须修改或人工复核后再发送")).toBeInTheDocument();
  expect(findings()).toEqual([
    ["certain-outcome", "对未来结果的确定性承诺「一定能回本」 (不得发送)"],
    ["compensation-promise", "承诺赔偿「将给予适当补偿」 (不得发送)"],
  ]);
  await type("王先生您好，理解您的心情。本产品不保本，我们无法承诺赔偿。");
  expect(screen.getByTestId("own-text-findings")).toHaveAttribute("data-clean", "true");
  expect(screen.getByTestId("own-text-findings")).toHaveTextContent("合规检查通过");
});

test("en-US: a superlative is a warning; as a letter the missing risk warning is named", async () => {
  renderCheck("en-US");
  await type("Dear Mr Wang, this is the best product for you.");
  expect(findings()).toEqual([["superlative", 'unsupported superlative "best" (review)']]);
  expect(screen.getByTestId("own-text-finding")).toHaveAttribute("data-severity", "warning");
  await act(async () => { fireEvent.click(screen.getByLabelText("Check as a letter (must carry the standard risk warning)")); });
  expect(findings()).toEqual([
    ["superlative", 'unsupported superlative "best" (review)'],
    ["missing-risk-warning", "standard risk warning missing: not deposits; carry risks; invest prudently; past performance does not represent future performance (must not be sent)"],
  ]);
});

test("the Drafts step shows the own-text check under the draft", async () => {
  const analysis = analyzeWorkbook(sampleSnapshot(), { locale: "zh-CN" });
  render(
    <FluentProvider theme={webLightTheme}>
      <DraftsStep s={stringsFor("zh-CN")} locale="zh-CN" analysis={analysis} generatedAt="2026-12-02T09:30" onSelectCell={() => {}} />
    </FluentProvider>,
  );
  expect(screen.getByRole("heading", { name: "检查自己写的文字" })).toBeInTheDocument();
  await type("保 本");
  expect(findings()).toEqual([["promise-words", "保本保收益类用语「保 本」 (不得发送)"]]);
});
