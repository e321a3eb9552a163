// The add-in's function file (manifest <FunctionFile>). The Home-tab button only opens the task
// pane (ShowTaskpane), so nothing is registered here; Office still loads this page, at start-up
// or on the first command, and waits for Office.onReady before it counts the add-in as loaded.
// Keep it Office-only and tiny: it is loaded in a hidden runtime where every kilobyte is paid
// again at each Excel start.

Office.onReady(() => {
  // Nothing to set up: no ExecuteFunction commands yet. Add them with
  // Office.actions.associate("<FunctionName in manifest>", handler) when the ribbon gets one.
});
