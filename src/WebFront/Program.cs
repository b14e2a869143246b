using CustomerService.WebFront;

WebFrontApp.Create(args).Run();
