using FakeTerraform;

return await FakeTerraformApp.RunAsync(args);
